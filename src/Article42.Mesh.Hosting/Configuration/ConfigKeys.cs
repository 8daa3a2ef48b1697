using Article42.Mesh.Grains;

namespace Article42.Mesh.Hosting.Configuration;

/// <summary>Every configuration key the host reads itself, spelled once, each under its section of <see cref="ConfigSections"/>.</summary>
public static class ConfigKeys
{
    public const string Profile = "Profile";
    public const string DataDirectory = ConfigSections.Paths + ":Data";
    public const string KeysDirectory = ConfigSections.Paths + ":Keys";
    public const string ClusterId = ConfigSections.Cluster + ":ClusterId";
    public const string ServiceId = ConfigSections.Cluster + ":ServiceId";
    public const string AdvertiseIp = ConfigSections.Cluster + ":AdvertiseIp";
    public const string SiloPort = ConfigSections.Cluster + ":SiloPort";
    public const string GatewayPort = ConfigSections.Cluster + ":GatewayPort";
    public const string Redis = ConfigSections.Cluster + ":Redis";
    public const string Postgres = ConfigSections.Journal + ":Postgres";
    public const string PostgresSchema = ConfigSections.Journal + ":Schema";
    public const string HttpAddress = ConfigSections.Http + ":Address";
    public const string HttpPort = ConfigSections.Http + ":Port";
    public const string HttpOperatorToken = ConfigSections.Http + ":OperatorToken";
    public const string ShutdownTimeout = ConfigSections.Shutdown + ":Timeout";
    public const string DashboardEnabled = ConfigSections.Dashboard + ":Enabled";
    public const string ClusterSecret = ConfigSections.Security + ":" + nameof(SecurityOptions.ClusterSecret);
    public const string TraceSampleRatio = ConfigSections.Telemetry + ":TraceSampleRatio";
    public const string TlsEnabled = ConfigSections.Tls + ":Enabled";
    public const string TlsCertificate = ConfigSections.Tls + ":Certificate";
    public const string TlsCertificateKey = ConfigSections.Tls + ":CertificateKey";
    public const string TlsCertificatePassword = ConfigSections.Tls + ":CertificatePassword";
    public const string TlsCaCertificate = ConfigSections.Tls + ":CaCertificate";
    public const string TlsRequireClientCertificate = ConfigSections.Tls + ":RequireClientCertificate";
    public const string TlsBindParticipant = ConfigSections.Tls + ":BindParticipant";
    public const string TlsRevocationList = ConfigSections.Tls + ":RevocationList";

    /// <summary>Kubernetes downward-API environment variables (not configuration keys: the pod spec sets them).</summary>
    public const string PodIp = "POD_IP";
    public const string PodName = "POD_NAME";
    public const string PodNamespace = "POD_NAMESPACE";
}
