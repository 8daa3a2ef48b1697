using System.Net;

namespace Article42.Mesh.Hosting.Configuration;

/// <summary>Section <c>Cluster</c>: the Orleans cluster the silo joins, the address and ports it is reached at, and the Redis that holds membership (null in the embedded profile).</summary>
public sealed record ClusterSettings(string ClusterId, string ServiceId, IPAddress AdvertiseIp, int SiloPort, int GatewayPort, string? Redis)
{
    /// <summary>Where other silos reach this one.</summary>
    public string SiloEndpoint => new IPEndPoint(AdvertiseIp, SiloPort).ToString();

    /// <summary>Where gateways and operator tools reach this silo.</summary>
    public string GatewayEndpoint => new IPEndPoint(AdvertiseIp, GatewayPort).ToString();
}
