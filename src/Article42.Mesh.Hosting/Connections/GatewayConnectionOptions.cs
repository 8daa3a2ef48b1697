namespace Article42.Mesh.Hosting.Connections;

/// <summary>
/// Configuration section <c>Connections</c>: how many gateway connections one source may hold open on one silo. The
/// (N+1)th is closed as it opens, logged and counted (<c>a42.gateway.refused</c>).
/// </summary>
public sealed class GatewayConnectionOptions
{
    public const string Section = "Connections";

    /// <summary>Open gateway connections per source IP address.</summary>
    public int MaxPerAddress { get; set; } = MeshDefaults.GatewayConnectionsPerAddress;

    /// <summary>Open gateway connections per TLS client certificate (by thumbprint); without a certificate, only the address cap applies.</summary>
    public int MaxPerCertificate { get; set; } = MeshDefaults.GatewayConnectionsPerCertificate;
}
