using System.Net;

namespace Article42.Mesh.Hosting.Configuration;

/// <summary>
/// A silo's settings after validation: every default applied, every value parsed. One member per configuration
/// section (<see cref="ConfigSections"/>), plus the profile and what the Kubernetes downward API says about the pod.
/// </summary>
public sealed record MeshSettings(
    MeshProfile Profile,
    PathSettings Paths,
    ClusterSettings Cluster,
    JournalSettings Journal,
    HttpSettings Http,
    ShutdownSettings Shutdown,
    DashboardSettings Dashboard,
    SecuritySettings Security,
    TelemetrySettings Telemetry,
    PodSettings Pod,
    TlsSettings? Tls = null)
{
    /// <summary>The address people and probes reach the HTTP endpoints at.</summary>
    public string HttpBase => $"http://{new IPEndPoint(Http.Address.Equals(IPAddress.Any) ? Cluster.AdvertiseIp : Http.Address, Http.Port)}";
}
