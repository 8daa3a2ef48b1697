using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Article42.Mesh.Hosting.Configuration;

namespace Article42.Mesh.IntegrationTests.Deployment;

/// <summary>
/// A deployment's silo settings tried for real on this machine: a throwaway Redis and PostgreSQL, a trust store whose
/// public half (registry.json, operator.pub) stands in for the mounted registry, a development PKI
/// (<c>a42 keys init --tls</c>) whose files stand in for a deployment's certificates, and the built silo started with
/// the deployment's arguments and environment. Only ports, paths, addresses and the servers' connection strings are
/// replaced; everything else is exactly what the deployment gives the silo.
/// </summary>
public sealed class DeploymentRehearsal : IAsyncDisposable
{
    private readonly TempHome home;
    private readonly RedisServer redis;
    private readonly PostgresServer postgres;

    private DeploymentRehearsal(TempHome home, RedisServer redis, PostgresServer postgres, string journal)
    {
        this.home = home;
        this.redis = redis;
        this.postgres = postgres;
        Postgres = journal;
        GatewayKeys = Path.Combine(home.Path, "trust");
        Registry = Path.Combine(home.Path, "registry");
        var store = TrustStore.Create(GatewayKeys, ParticipantRegistry.Default);
        Pki = TlsDirectory.Of(GatewayKeys);
        Pki.Create(store.Registry.Participants.Select(p => p.Id), DateTimeOffset.UtcNow);
        Directory.CreateDirectory(Registry);
        foreach (var file in new[] { TrustStore.RegistryFileName, "operator.pub" })
            File.Copy(Path.Combine(GatewayKeys, file), Path.Combine(Registry, file));
    }

    public string Postgres { get; }

    /// <summary>The whole development trust store: the gateways' private keys.</summary>
    public string GatewayKeys { get; }

    /// <summary>The development PKI in the trust store's tls/: the CA, the silo certificate, one gateway certificate per participant.</summary>
    public TlsDirectory Pki { get; }

    /// <summary>What a silo is given: registry.json and operator.pub only.</summary>
    public string Registry { get; }

    public string ClusterSecret { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static async Task<DeploymentRehearsal> StartAsync()
    {
        // Whatever started before a later step fails is stopped and removed again.
        var home = new TempHome();
        RedisServer? redis = null;
        PostgresServer? postgres = null;
        try
        {
            redis = await RedisServer.StartAsync();
            postgres = await PostgresServer.StartAsync();
            return new DeploymentRehearsal(home, redis, postgres, await postgres.CreateDatabaseAsync("a42"));
        }
        catch
        {
            await StopAsync(home, redis, postgres);
            throw;
        }
    }

    /// <summary>A new empty directory of this rehearsal (a data directory, a home).</summary>
    public string NewDirectory(string name) => Directory.CreateDirectory(Path.Combine(home.Path, name)).FullName;

    /// <summary>
    /// Starts the silo of <paramref name="deployed"/> on free ports and this rehearsal's servers, and checks that it turns
    /// ready in <paramref name="profile"/> with the TLS its settings give (its certificate, or off), that every path of <paramref name="httpPaths"/> answers 200, that
    /// <paramref name="metricsPath"/> serves the mesh's metrics, that a message sent through its gateway (with France's
    /// client certificate when the silo runs TLS) gets a receipt,
    /// then <paramref name="whileReady"/>; and that after SIGTERM it exits 0 within <paramref name="grace"/>.
    /// </summary>
    public async Task RunAsync(SiloLaunch deployed, string profile, IEnumerable<string> httpPaths, string metricsPath, TimeSpan grace, Func<SiloPorts, Task>? whileReady = null)
    {
        ArgumentNullException.ThrowIfNull(deployed);
        var ports = SiloPorts.Free();
        var launch = deployed
            .Set(ConfigKeys.Redis, redis.ConnectionString)
            .Set(ConfigKeys.Postgres, Postgres)
            .Set(ConfigKeys.ClusterSecret, ClusterSecret)
            .On(ports);
        var tls = launch.Settings().Tls;
        await using var silo = SiloProcess.Start($"silo of {deployed.Source}", "Article42.Mesh.Silo.dll", home.Path, launch.Args, launch.Environment);
        await silo.ReadyAsync();
        Assert.Equal(profile, await silo.LineAsync("profile"));
        var tlsLine = await silo.LineAsync("tls");
        if (tls is null)
            Assert.Equal("off", tlsLine);
        else
            Assert.True(tlsLine.StartsWith($"{tls.Certificate} ", StringComparison.Ordinal) && tlsLine.EndsWith($"client certificates {(tls.RequireClientCertificate ? "required" : "optional")}", StringComparison.Ordinal), $"tls {tlsLine}");

        using var http = OperatorHttp.Client();
        foreach (var path in httpPaths.Append(metricsPath))
        {
            using var response = await http.GetAsync(ports.Url(path), TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}\n{silo.Describe()}");
        }

        await SendThroughGatewayAsync(ports, tls is not null);
        // The mesh's own meters (a42_*), not only the exporter's target_info, once the send has used them.
        await Deadline.UntilAsync(
            async () => (await http.GetStringAsync(ports.Url(metricsPath), TestContext.Current.CancellationToken)).Contains("# TYPE a42_", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30),
            $"a42_* metrics at {metricsPath}");
        if (whileReady is not null)
            await whileReady(ports);

        await silo.TerminateAsync();
        Assert.True(await silo.ExitedAsync(grace) == 0, silo.Describe());
    }

    public ValueTask DisposeAsync() => new(StopAsync(home, redis, postgres));

    private static async Task StopAsync(TempHome home, RedisServer? redis, PostgresServer? postgres)
    {
        try
        {
            if (postgres is not null)
                await postgres.DisposeAsync();
        }
        finally
        {
            try
            {
                if (redis is not null)
                    await redis.DisposeAsync();
            }
            finally
            {
                home.Dispose();
            }
        }
    }

    private async Task SendThroughGatewayAsync(SiloPorts ports, bool tls)
    {
        // Explicit either way: the trust store's tls/ would otherwise turn TLS on by itself.
        string[] transport = tls ? ["--tls-ca", Pki.AuthorityCertificate, "--tls-cert", Pki.Certificate("FR")] : ["--no-tls"];
        await using var send = SiloProcess.Start("a42 send", "a42.dll", home.Path,
            ["send", "--as", "FR", "--to", "DE", "--kind", "SITREP", "--keys", GatewayKeys, "--gateway", $"127.0.0.1:{ports.Gateway}", "--timeout", "60", .. transport]);
        var exit = await send.ExitedAsync(TimeSpan.FromSeconds(90));
        Assert.True(exit == 0, send.Describe());
        using var receipt = JsonDocument.Parse(Assert.Single(send.Output, line => line.StartsWith('{')));
        Assert.Equal(["DE"], receipt.RootElement.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()));
    }
}
