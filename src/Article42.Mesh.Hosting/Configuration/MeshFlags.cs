namespace Article42.Mesh.Hosting.Configuration;

/// <summary>
/// The short flags both the silo executable and <c>a42 mesh up</c> accept, each a spelling of one configuration
/// key; any key can also be given as <c>--Section:Key=value</c>.
/// </summary>
public static class MeshFlags
{
    public static ImmutableArray<MeshFlag> All { get; } =
    [
        new("--profile", ConfigKeys.Profile, "PROFILE", "embedded (default), cluster or kubernetes."),
        new("--data", ConfigKeys.DataDirectory, "DIR", "Data directory: the embedded journal and cluster secret (default: $A42_HOME/data)."),
        new("--keys", ConfigKeys.KeysDirectory, "DIR", "Trust store directory; embedded creates one there (default: $A42_HOME/keys)."),
        new("--postgres", ConfigKeys.Postgres, "CONN", "PostgreSQL connection string of the journal (cluster, kubernetes)."),
        new("--redis", ConfigKeys.Redis, "CONN", "Redis connection string for membership and reminders (cluster, kubernetes)."),
        new("--advertise-ip", ConfigKeys.AdvertiseIp, "IP", "Address other silos and gateways reach this silo at (default 127.0.0.1 in embedded, POD_IP in kubernetes; required in cluster)."),
        new("--silo-port", ConfigKeys.SiloPort, "N", $"Silo-to-silo port (default {MeshDefaults.SiloPort})."),
        new("--gateway-port", ConfigKeys.GatewayPort, "N", $"Gateway port national gateways connect to (default {MeshDefaults.GatewayPort})."),
        new("--http-port", ConfigKeys.HttpPort, "N", $"Port of /health/* and /dashboard (default {MeshDefaults.HttpPort})."),
        new("--tls-cert", ConfigKeys.TlsCertificate, "FILE", "The silo's TLS certificate, PEM (key inside or in FILE's .key) or PKCS#12 (default: KEYS/tls/silo.crt when present)."),
        new("--tls-ca", ConfigKeys.TlsCaCertificate, "FILE", "The CA certificate(s) silo and gateway certificates must chain to (default: KEYS/tls/ca.crt)."),
    ];

    /// <summary>Switch mappings for <c>AddCommandLine</c>: each flag onto its key.</summary>
    public static IDictionary<string, string> SwitchMappings() =>
        All.ToDictionary(flag => flag.Name, flag => flag.Key, StringComparer.OrdinalIgnoreCase);
}
