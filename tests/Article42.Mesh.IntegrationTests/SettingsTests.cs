using System.Net;
using Article42.Mesh.Hosting.Configuration;
using Microsoft.Extensions.Configuration;

namespace Article42.Mesh.IntegrationTests;

/// <summary>Profile defaults, in process: what each profile means when a key is left out.</summary>
public sealed class SettingsTests
{
    private const string Secret = "0123456789abcdef0123456789abcdef";
    private const string OperatorToken = "fedcba9876543210fedcba9876543210";

    [Fact]
    public void Embedded_needs_no_setting_and_keeps_everything_under_A42_HOME_on_loopback()
    {
        var settings = Read([], new() { ["A42_HOME"] = "/srv/a42" });

        Assert.Equal(MeshProfile.Embedded, settings.Profile);
        Assert.Equal("/srv/a42/data/journal.db", settings.Paths.JournalPath);
        Assert.Equal("/srv/a42/keys", settings.Paths.KeysDirectory);
        Assert.Equal((IPAddress.Loopback, IPAddress.Loopback), (settings.Cluster.AdvertiseIp, settings.Http.Address));
        Assert.Equal((11111, 30000, 8080), (settings.Cluster.SiloPort, settings.Cluster.GatewayPort, settings.Http.Port));
        Assert.Equal(("a42", "article42-mesh"), (settings.Cluster.ClusterId, settings.Cluster.ServiceId));
        Assert.True(settings.Dashboard.Enabled);
        Assert.Null(settings.Security.ClusterSecret);
        Assert.Equal(TimeSpan.FromSeconds(20), settings.Shutdown.Timeout);
    }

    [Fact]
    public void Cluster_serves_http_on_its_advertised_address_and_keeps_the_dashboard_off_by_default()
    {
        var settings = Read(Cluster("cluster"), []);

        Assert.Equal(IPAddress.Parse("10.1.2.3"), settings.Http.Address);
        Assert.False(settings.Dashboard.Enabled);
        Assert.Equal(Secret, settings.Security.ClusterSecret);
    }

    [Fact]
    public void Cluster_reads_the_operator_token_that_guards_metrics_and_the_dashboard()
    {
        var settings = Read(new(Cluster("cluster")) { ["Dashboard:Enabled"] = "true" }, []);

        Assert.True(settings.Dashboard.Enabled);
        Assert.Equal(OperatorToken, settings.Http.OperatorToken);
    }

    [Fact]
    public void Kubernetes_advertises_the_pod_ip_and_listens_on_every_address()
    {
        var keys = Cluster("kubernetes");
        keys.Remove("Cluster:AdvertiseIp");
        var settings = Read(keys, new() { ["POD_IP"] = "10.244.0.7", ["POD_NAME"] = "mesh-0", ["POD_NAMESPACE"] = "a42" });

        Assert.Equal(IPAddress.Parse("10.244.0.7"), settings.Cluster.AdvertiseIp);
        Assert.Equal(IPAddress.Any, settings.Http.Address);
        Assert.Equal("http://10.244.0.7:8080", settings.HttpBase);
        Assert.Equal(("mesh-0", "a42"), (settings.Pod.Name, settings.Pod.Namespace));
    }

    [Fact]
    public void Every_bad_key_is_reported_not_just_the_first()
    {
        var (settings, errors) = MeshSettingsReader.Read(Configuration(new() { ["Cluster:SiloPort"] = "x", ["Http:Port"] = "0" }), _ => null);

        Assert.Null(settings);
        Assert.Equal(["Cluster:SiloPort", "Http:Port"], errors.Select(e => e.Path));
    }

    private static Dictionary<string, string?> Cluster(string profile) => new()
    {
        ["Profile"] = profile,
        ["Cluster:AdvertiseIp"] = "10.1.2.3",
        ["Cluster:Redis"] = "redis:6379",
        ["Journal:Postgres"] = "Host=postgres;Username=a42",
        ["Security:ClusterSecret"] = Secret,
        ["Http:OperatorToken"] = OperatorToken,
    };

    private static MeshSettings Read(Dictionary<string, string?> keys, Dictionary<string, string> environment)
    {
        var (settings, errors) = MeshSettingsReader.Read(Configuration(keys), name => environment.GetValueOrDefault(name));
        Assert.True(settings is not null, string.Join('\n', errors));
        return settings;
    }

    private static IConfiguration Configuration(Dictionary<string, string?> keys) =>
        new ConfigurationBuilder().AddInMemoryCollection(keys).Build();
}
