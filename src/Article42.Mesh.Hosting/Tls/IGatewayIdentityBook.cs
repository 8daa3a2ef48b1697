namespace Article42.Mesh.Hosting.Tls;

/// <summary>
/// Which certificate each connected Orleans client id is bound to, cluster-wide: every gateway connection holding a
/// client id (on whichever gateway silo) holds it with one certificate thumbprint, and the participant it speaks for is
/// readable by every silo (the grain a client calls may live on another silo than its gateway connection).
/// </summary>
internal interface IGatewayIdentityBook
{
    /// <summary>
    /// Records <paramref name="binding"/>'s connection as holding <paramref name="client"/>; null when it now does (or
    /// did: a renewal), else the binding in the way: a live connection holding the client id with another certificate,
    /// or another participant the client id speaks for.
    /// </summary>
    Task<GatewayBinding?> BindAsync(string client, GatewayBinding binding);

    /// <summary>The connection of <paramref name="binding"/> closed: it holds <paramref name="client"/> no longer.</summary>
    Task ReleaseAsync(string client, GatewayBinding binding);

    /// <summary>The participant <paramref name="client"/> is bound to; null when it never connected with a certificate.</summary>
    Task<string?> FindAsync(string client);
}
