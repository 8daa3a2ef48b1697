using System.Net;

namespace Article42.Mesh.Hosting.Configuration;

/// <summary>A silo's settings after validation: every default applied, every value parsed.</summary>
public sealed record MeshSettings(
    MeshProfile Profile,
    string DataDirectory,
    string KeysDirectory,
    string ClusterId,
    string ServiceId,
    IPAddress AdvertiseIp,
    int SiloPort,
    int GatewayPort,
    IPAddress HttpAddress,
    int HttpPort,
    string? Redis,
    string? Postgres,
    string PostgresSchema,
    TimeSpan ShutdownTimeout,
    bool DashboardEnabled,
    string? DashboardToken,
    string? ClusterSecret,
    string? PodName,
    string? PodNamespace,
    double TraceSampleRatio = 1.0,
    TlsSettings? Tls = null)
{
    public static readonly TimeSpan DefaultShutdownTimeout = TimeSpan.FromSeconds(20);

    /// <summary>The embedded journal file.</summary>
    public string JournalPath => Path.Combine(DataDirectory, "journal.db");

    /// <summary>Where the embedded profile keeps the cluster secret it generated.</summary>
    public string ClusterSecretPath => Path.Combine(DataDirectory, "cluster-secret");

    /// <summary>The address people and probes reach the HTTP endpoints at.</summary>
    public string HttpBase => $"http://{Endpoint(HttpAddress.Equals(IPAddress.Any) ? AdvertiseIp : HttpAddress, HttpPort)}";

    public string SiloEndpoint => Endpoint(AdvertiseIp, SiloPort);

    public string GatewayEndpoint => Endpoint(AdvertiseIp, GatewayPort);

    private static string Endpoint(IPAddress address, int port) => new IPEndPoint(address, port).ToString();
}
