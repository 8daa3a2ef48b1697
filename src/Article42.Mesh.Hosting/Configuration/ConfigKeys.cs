namespace Article42.Mesh.Hosting.Configuration;

/// <summary>Every configuration key the host reads itself, spelled once. Sections the grains bind are listed too.</summary>
public static class ConfigKeys
{
    public const string Profile = "Profile";
    public const string DataDirectory = "Paths:Data";
    public const string KeysDirectory = "Paths:Keys";
    public const string ClusterId = "Cluster:ClusterId";
    public const string ServiceId = "Cluster:ServiceId";
    public const string AdvertiseIp = "Cluster:AdvertiseIp";
    public const string SiloPort = "Cluster:SiloPort";
    public const string GatewayPort = "Cluster:GatewayPort";
    public const string Redis = "Cluster:Redis";
    public const string Postgres = "Journal:Postgres";
    public const string PostgresSchema = "Journal:Schema";
    public const string HttpAddress = "Http:Address";
    public const string HttpPort = "Http:Port";
    public const string ShutdownTimeout = "Shutdown:Timeout";
    public const string DashboardEnabled = "Dashboard:Enabled";
    public const string DashboardToken = "Dashboard:OperatorToken";
    public const string ClusterSecret = "Security:ClusterSecret";
    public const string TraceSampleRatio = "Telemetry:TraceSampleRatio";
    public const string TlsEnabled = "Tls:Enabled";
    public const string TlsCertificate = "Tls:Certificate";
    public const string TlsCertificateKey = "Tls:CertificateKey";
    public const string TlsCertificatePassword = "Tls:CertificatePassword";
    public const string TlsCaCertificate = "Tls:CaCertificate";
    public const string TlsRequireClientCertificate = "Tls:RequireClientCertificate";
    public const string TlsBindParticipant = "Tls:BindParticipant";

    /// <summary>Sections bound onto option classes (grains' <c>Delivery</c> and <c>Security</c>, Orleans' membership).</summary>
    public const string DeliverySection = "Delivery";
    public const string SecuritySection = "Security";
    public const string MembershipSection = "Membership";

    /// <summary>The TLS keys above; a key under it that is not one of them is refused.</summary>
    public const string TlsSection = "Tls";

    /// <summary>Kubernetes downward-API environment variables (not configuration keys: the pod spec sets them).</summary>
    public const string PodIp = "POD_IP";
    public const string PodName = "POD_NAME";
    public const string PodNamespace = "POD_NAMESPACE";
}
