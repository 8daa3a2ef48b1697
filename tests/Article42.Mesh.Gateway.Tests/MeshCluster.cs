using Article42.Mesh.Grains;
using Article42.Mesh.Storage;
using Article42.Mesh.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Article42.Mesh.Gateway.Tests;

/// <summary>
/// An in-process cluster of the real mesh grains on a fresh SQLite journal, with the keyed test registry, signatures
/// verified, backpressure out of the way, and a client whose answers a test can make get lost (<see cref="LostAnswers"/>).
/// </summary>
public sealed class MeshCluster : IAsyncDisposable
{
    private readonly string _directory;

    private MeshCluster(string directory, InProcessTestCluster cluster, IMessageJournal journal, LostAnswers lostAnswers)
    {
        _directory = directory;
        Cluster = cluster;
        Journal = journal;
        LostAnswers = lostAnswers;
    }

    public InProcessTestCluster Cluster { get; }
    public IMessageJournal Journal { get; }
    public LostAnswers LostAnswers { get; }

    public static async Task<MeshCluster> StartAsync(short silos = 1, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var directory = Directory.CreateTempSubdirectory("a42-gateway-").FullName;
        var journal = await SqliteJournal.OpenAsync(new SqliteJournalOptions(Path.Combine(directory, "journal.db")));
        var values = new Dictionary<string, string?>
        {
            ["Security:ClusterSecret"] = "test-cluster-secret",
            ["Security:VerifySignatures"] = "Always",
            ["Delivery:SenderRatePerSecond"] = "1000000",
            ["Delivery:SenderBurst"] = "1000000",
            ["Delivery:CallTimeout"] = "00:00:03",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var lostAnswers = new LostAnswers();
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton(KeyedRegistry.Registry);
            silo.Services.AddSingleton<IMessageJournal>(journal);
            silo.AddMeshGrains(configuration);
        });
        builder.ConfigureClient(client => client.AddOutgoingGrainCallFilter(lostAnswers.InvokeAsync));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new MeshCluster(directory, cluster, journal, lostAnswers);
    }

    /// <summary>Options for a gateway of <paramref name="participant"/> with short intervals, so tests run fast.</summary>
    public static MeshGatewayOptions Options(string participant, string? stateDirectory = null) => new()
    {
        Participant = participant,
        PrivateKey = KeyedRegistry.KeyOf(participant),
        StateDirectory = stateDirectory,
        CallTimeout = TimeSpan.FromSeconds(5),
        SendDeadline = TimeSpan.FromSeconds(60),
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        RetryMaxDelay = TimeSpan.FromMilliseconds(500),
        PollInterval = TimeSpan.FromMilliseconds(250),
        ReportPollInterval = TimeSpan.FromMilliseconds(100),
    };

    public MeshGateway Gateway(string participant, string? stateDirectory = null) =>
        MeshGateway.Attach(Cluster.Client, Options(participant, stateDirectory));

    public IParticipantGrain Grain(string participant) => Cluster.Client.GetGrain<IParticipantGrain>(participant);

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Journal.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
