using System.Net;

namespace Article42.Mesh.Protocol;

/// <summary>
/// The defaults a silo and the clients that reach it must agree on, spelled once: a silo started without flags
/// and a gateway, operator or <c>a42</c> command started without options find each other through these.
/// The journal's PostgreSQL schema is the journal's own default (<c>PostgresJournalOptions.DefaultSchema</c> in
/// Storage, which references nothing).
/// </summary>
public static class MeshDefaults
{
    /// <summary>The Orleans cluster id (<c>Cluster:ClusterId</c>).</summary>
    public const string ClusterId = "a42";

    /// <summary>The Orleans service id (<c>Cluster:ServiceId</c>).</summary>
    public const string ServiceId = "article42-mesh";

    /// <summary>The port silos talk to each other on (<c>Cluster:SiloPort</c>).</summary>
    public const int SiloPort = 11111;

    /// <summary>The port gateways and operator tools connect to (<c>Cluster:GatewayPort</c>).</summary>
    public const int GatewayPort = 30000;

    /// <summary>The port of a silo's health, metrics and dashboard endpoints (<c>Http:Port</c>).</summary>
    public const int HttpPort = 8080;

    /// <summary>Where a client looks for a silo's gateway when told nothing: this machine, <see cref="GatewayPort"/>.</summary>
    public static IPEndPoint GatewayEndpoint => new(IPAddress.Loopback, GatewayPort);
}
