using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Article42.Mesh.Hosting;
using Article42.Mesh.Hosting.Configuration;
using Npgsql;
using YamlDotNet.RepresentationModel;

namespace Article42.Mesh.IntegrationTests.Deployment;

/// <summary>
/// deploy/compose: every silo service sets only keys the silo reads, and its address, ports, registry mount, health
/// check, grace period and servers agree with the settings it gives; a real silo started with those settings turns
/// ready, and the compose health check's own command passes against it.
/// </summary>
public sealed partial class ComposeFileTests
{
    private readonly ComposeFile compose = new();

    [Fact]
    public void Compose_silos_set_only_keys_the_silo_reads_and_their_addresses_ports_mount_health_check_and_grace_agree_with_them()
    {
        Assert.Equal(3, compose.Silos.Count);
        var subnet = IPNetwork.Parse(Assert.Single(compose.Root.List("networks", "mesh", "ipam", "config")).Text("subnet"));
        var seen = new List<MeshSettings>();
        foreach (var name in compose.Silos)
        {
            var service = compose.Service(name);
            var launch = compose.Launch(name);
            Assert.Empty(SiloSettingKeys.Unread(launch));
            Assert.All([.. launch.Args, .. launch.Environment.Values], value => Assert.DoesNotMatch(SingleDollar(), value));
            var settings = launch.Settings();
            seen.Add(settings);

            Assert.Equal(MeshProfile.Cluster, settings.Profile);
            Assert.Equal(IPAddress.Parse(service.Text("networks", "mesh", "ipv4_address")), settings.Cluster.AdvertiseIp);
            Assert.True(subnet.Contains(settings.Cluster.AdvertiseIp), $"{name}: {settings.Cluster.AdvertiseIp} is outside {subnet}");

            // Orleans clients on the host reach a gateway at 127.0.0.1 only with the silo's own port number.
            var published = service.List("ports").Select(p => ((YamlScalarNode)p).Value!.Split(':')).ToList();
            Assert.Contains(published, p => p[0] == "127.0.0.1" && p[1] == $"{settings.Cluster.GatewayPort}" && p[2] == $"{settings.Cluster.GatewayPort}");
            Assert.Contains(published, p => p[0] == "127.0.0.1" && p[2] == $"{settings.Http.Port}");

            var volume = Assert.Single(service.List("volumes"));
            Assert.Equal((settings.Paths.KeysDirectory, "true", "./registry"), (volume.Text("target"), volume.Text("read_only"), volume.Text("source")));
            Assert.True(Duration(service.Text("stop_grace_period")) > settings.Shutdown.Timeout, $"{name}: stop_grace_period must exceed Shutdown:Timeout");
            HealthCheck(name, settings);
        }

        Assert.Equal(3, seen.Select(s => s.Cluster.AdvertiseIp).Distinct().Count());
        Assert.Equal(3, seen.Select(s => s.Cluster.GatewayPort).Distinct().Count());
    }

    [Fact]
    public void Compose_silos_reach_the_redis_and_postgres_services_they_wait_for_with_the_database_and_user_postgres_creates()
    {
        var postgres = compose.Service("postgres");
        var postgresEnv = ComposeFile.EnvFile($"{ComposeFile.Folder}/{postgres.Text("env_file")}.example");
        Assert.True(postgresEnv.ContainsKey("POSTGRES_PASSWORD"));
        foreach (var name in compose.Silos)
        {
            var settings = compose.Launch(name).Settings();
            var redisHost = settings.Cluster.Redis!.Split(',')[0].Split(':')[0];
            var journal = new NpgsqlConnectionStringBuilder(settings.Journal.Postgres);
            foreach (var dependency in new[] { redisHost, journal.Host! })
            {
                Assert.Equal("service_healthy", compose.Service(name).Text("depends_on", dependency, "condition"));
                Assert.NotNull(compose.Service(dependency).At("healthcheck"));
            }

            Assert.Equal((postgres.Text("environment", "POSTGRES_USER"), postgres.Text("environment", "POSTGRES_DB")), (journal.Username, journal.Database));
            Assert.Equal(postgresEnv["POSTGRES_PASSWORD"], journal.Password);
        }
    }

    [Fact]
    public async Task Compose_silo_settings_start_a_silo_that_turns_ready_and_passes_the_compose_health_check_command()
    {
        var name = compose.Silos[0];
        var launch = compose.Launch(name);
        var settings = launch.Settings();
        var check = HealthCheck(name, settings);
        await using var rehearsal = await DeploymentRehearsal.StartAsync();

        var local = launch.Set(ConfigKeys.AdvertiseIp, "127.0.0.1").Set(ConfigKeys.KeysDirectory, rehearsal.Registry);
        await rehearsal.RunAsync(local, "cluster", [MeshEndpoints.LivePath, MeshEndpoints.ReadyPath], "/metrics", Duration(compose.Service(name).Text("stop_grace_period")), async ports =>
        {
            Assert.Equal(0, await BashAsync(check.Replace($"/{settings.Http.Port}", $"/{ports.Http}", StringComparison.Ordinal), local.Environment));
            Assert.NotEqual(0, await BashAsync(check.Replace($"/{settings.Http.Port}", $"/{FreePorts.One()}", StringComparison.Ordinal), local.Environment));
        });
    }

    /// <summary>The silo service's health check as bash runs it (compose's $$ is one $), checked to ask the ready path at the silo's HTTP address.</summary>
    private string HealthCheck(string service, MeshSettings settings)
    {
        var test = compose.Service(service).List("healthcheck", "test").Select(t => ((YamlScalarNode)t).Value!).ToList();
        Assert.Equal(["CMD", "bash", "-c"], test.Take(3));
        var script = Assert.Single(test.Skip(3));
        Assert.DoesNotMatch(SingleDollar(), script);
        script = script.Replace("$$", "$", StringComparison.Ordinal);
        Assert.Contains($"GET {MeshEndpoints.ReadyPath} ", script, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(script, $"/{settings.Http.Port}\\b"));
        foreach (var variable in Regex.Matches(script, @"\$\{(\w+)\}").Select(m => m.Groups[1].Value))
            Assert.Equal(settings.Cluster.AdvertiseIp.ToString(), compose.Launch(service).Environment[variable]);
        return script;
    }

    private static async Task<int> BashAsync(string script, IReadOnlyDictionary<string, string> environment) =>
        (await TestProcess.RunAsync("bash", ["-c", script], TimeSpan.FromSeconds(10), environment)).ExitCode;

    /// <summary>A compose duration such as <c>30s</c> or <c>1m30s</c>.</summary>
    private static TimeSpan Duration(string value) => Regex.Matches(value, @"(\d+)(h|m|s)")
        .Aggregate(TimeSpan.Zero, (total, m) => total + (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * m.Groups[2].Value switch
        {
            "h" => TimeSpan.FromHours(1),
            "m" => TimeSpan.FromMinutes(1),
            _ => TimeSpan.FromSeconds(1),
        }));

    /// <summary>A $ that compose would interpolate from the host's environment (only $$ reaches the container).</summary>
    [GeneratedRegex(@"(?<!\$)\$(?!\$)")]
    private static partial Regex SingleDollar();
}
