namespace Article42.Mesh.Hosting.Tls;

/// <summary>
/// Which participant each connected Orleans client proved to be with its TLS client certificate (common name), as the
/// gateway silo that took the connection recorded it, readable by every silo (the grain a client calls may live on
/// another silo than its gateway connection).
/// </summary>
internal interface IGatewayIdentityBook
{
    /// <summary>Records <paramref name="client"/> as <paramref name="participant"/>; false when the client id is already bound to another participant.</summary>
    Task<bool> BindAsync(string client, string participant);

    /// <summary>The participant <paramref name="client"/> is bound to; null when it never connected with a certificate.</summary>
    Task<string?> FindAsync(string client);
}
