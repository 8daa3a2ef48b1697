namespace Article42.Mesh.Hosting.Connections;

/// <summary>Why the gateway closed a client's connection: the <c>a42.reason</c> tag of <c>a42.gateway.refused</c>.</summary>
internal static class GatewayRefusal
{
    /// <summary>A message named another sender than the client id of the connection's preamble.</summary>
    public const string ForgedSource = "forged-source";

    /// <summary>A message frame announced a header or body over the gateway's limits.</summary>
    public const string Oversized = "oversized";

    /// <summary>The preamble or a message header could not be read.</summary>
    public const string Unreadable = "unreadable";

    /// <summary>The source address already held <c>Connections:MaxPerAddress</c> connections.</summary>
    public const string AddressCap = "address-cap";

    /// <summary>The TLS client certificate already held <c>Connections:MaxPerCertificate</c> connections.</summary>
    public const string CertificateCap = "certificate-cap";

    /// <summary>With <c>Tls:BindParticipant</c>: the preamble's client id is bound, on some gateway silo, to another certificate (A42-SEC-004).</summary>
    public const string ClientIdBound = "client-id-bound";
}
