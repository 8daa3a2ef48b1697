using System.Globalization;
using System.Net;
using Article42.Mesh.Gateway;
using Article42.Mesh.Hosting;
using Article42.Mesh.Load.Measuring;
using Article42.Mesh.TestKit;

namespace Article42.Mesh.Benchmarks.Systems.Mesh;

/// <summary>
/// A real mesh in this process: <see cref="MeshSilo.StartAsync"/> on a fresh data directory and trust store with free
/// loopback ports, and one <see cref="MeshGateway"/> per participant, each its own Orleans client connection. The
/// per-sender rate limit is lifted (it is a policy, not a cost); everything else is the silo's default.
/// </summary>
internal sealed class MeshSystem : ISystemUnderTest
{
    private readonly RunningSilo _silo;
    private readonly string _directory;

    private MeshSystem(RunningSilo silo, string directory, IReadOnlyList<IBenchGateway> gateways, DeliveryTracker tracker, ServerProcesses? servers, string? journalDatabase)
    {
        JournalDatabase = journalDatabase;
        _silo = silo;
        _directory = directory;
        Gateways = gateways;
        Tracker = tracker;
        Servers = servers;
    }

    public string Kind => "mesh";
    public IReadOnlyList<IBenchGateway> Gateways { get; }
    public DeliveryTracker Tracker { get; }
    public ServerProcesses? Servers { get; }

    /// <summary>The trust store the silo and the gateways were given: every participant's private key (<c>ID.pem</c>).</summary>
    public string KeysDirectory => Path.Combine(_directory, "keys");

    /// <summary>The cluster profile's PostgreSQL database (a connection string); null on the embedded profile.</summary>
    public string? JournalDatabase { get; }

    /// <summary>The silo's own grain factory (it carries the cluster secret): for silo-only questions such as inbox backlogs.</summary>
    public IGrainFactory SiloGrains => _silo.GrainFactory;

    public static async Task<MeshSystem> StartAsync(MeshSetup setup, IReadOnlyList<string> participants, BenchPayload payload, ClusterServices services)
    {
        var directory = Directory.CreateTempSubdirectory("a42-bench-").FullName;
        try
        {
            return await StartInAsync(directory, setup, participants, payload, services);
        }
        catch
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    private static async Task<MeshSystem> StartInAsync(string directory, MeshSetup setup, IReadOnlyList<string> participants, BenchPayload payload, ClusterServices services)
    {
        var keys = Path.Combine(directory, "keys");
        TrustStore.Create(keys, ParticipantRegistry.Default);
        string? journalDatabase = null;
        var ports = FreePorts.Take(3);
        var (siloPort, gatewayPort, httpPort) = (ports[0], ports[1], ports[2]);
        var clusterId = $"bench-{Guid.NewGuid():N}"[..14];
        List<string> args =
        [
            "--profile", setup.Profile, "--data", Path.Combine(directory, "data"), "--keys", keys,
            "--silo-port", $"{siloPort}", "--gateway-port", $"{gatewayPort}", "--http-port", $"{httpPort}",
            "--Dashboard:Enabled=false", $"--Cluster:ClusterId={clusterId}",
            $"--Security:VerifySignatures={setup.Signatures}",
            "--Delivery:SenderRatePerSecond=1000000", "--Delivery:SenderBurst=1000000",
            // The load sends SITREPs at FLASH from every participant: each is made an authority and the urgent limits are lifted
            // like the ROUTINE ones, since precedence rights and limits are not what a benchmark measures.
            "--Delivery:UrgentSenderRatePerSecond=1000000", "--Delivery:UrgentSenderBurst=1000000", "--Delivery:UrgentInboxShare=100000000",
            $"--Delivery:PrecedenceAuthorities={string.Join(',', ParticipantRegistry.Default.Participants.Select(p => p.Id))}",
            "--Logging:LogLevel:Default=Error", "--Logging:LogLevel:Article42=Warning",
        ];
        if (setup.TraceSampleRatio is { } ratio)
            args.Add(string.Create(CultureInfo.InvariantCulture, $"--Telemetry:TraceSampleRatio={ratio}"));
        if (setup.Profile == MeshSetup.Cluster)
        {
            var (postgres, redis) = await services.ForNextRunAsync();
            journalDatabase = postgres;
            args.AddRange(["--advertise-ip", "127.0.0.1", "--redis", redis, "--postgres", postgres, $"--Security:ClusterSecret={Guid.NewGuid():N}", $"--Http:OperatorToken={Guid.NewGuid():N}"]);
        }

        var silo = await MeshSilo.StartAsync([.. args], TextWriter.Null);
        try
        {
            var tracker = new DeliveryTracker();
            using var connecting = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            var gateways = await Task.WhenAll(participants.Select(async participant =>
            {
                var gateway = await MeshGateway.ConnectAsync(new MeshGatewayOptions
                {
                    Participant = participant,
                    TrustStoreDirectory = keys,
                    Connection = new() { Endpoints = [new IPEndPoint(IPAddress.Loopback, gatewayPort)], ClusterId = clusterId },
                    ReceiptsOnAck = false,
                    VerifyReceived = setup.VerifyReceived,
                }, connecting.Token);
                return (IBenchGateway)new MeshBenchGateway(gateway, payload, tracker);
            }));
            return new MeshSystem(silo, directory, gateways, tracker, setup.Profile == MeshSetup.Cluster ? services.Processes() : null, journalDatabase);
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(Gateways.Select(g => g.DisposeAsync().AsTask()));
        await _silo.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
