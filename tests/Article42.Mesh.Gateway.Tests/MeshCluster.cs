using Article42.Mesh.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Article42.Mesh.Gateway.Tests;

/// <summary>
/// The kit's in-process mesh (<see cref="InProcessMesh"/>) as the gateway tests want it: backpressure out of the way, a
/// three-second call timeout, and a client whose answers a test can make get lost (<see cref="LostAnswers"/>); gateways
/// attach to that client with short intervals.
/// </summary>
public sealed class MeshCluster : IAsyncDisposable
{
    private readonly InProcessMesh _mesh;

    private MeshCluster(InProcessMesh mesh, LostAnswers lostAnswers)
    {
        _mesh = mesh;
        LostAnswers = lostAnswers;
    }

    public InProcessTestCluster Cluster => _mesh.Cluster;
    public LostAnswers LostAnswers { get; }

    /// <summary>The mesh's journal: what the grains recorded (received, handed to a session, acknowledged).</summary>
    public IMessageJournal Journal => _mesh.Journal;

    public static async Task<MeshCluster> StartAsync(short silos = 1, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Delivery:SenderRatePerSecond"] = "1000000",
            ["Delivery:SenderBurst"] = "1000000",
            ["Delivery:CallTimeout"] = "00:00:03",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            values[key] = value;
        var lostAnswers = new LostAnswers();
        var mesh = await InProcessMesh.StartAsync(new InProcessMeshOptions
        {
            Silos = silos,
            Settings = values,
            Services = services,
            Client = client => client.AddOutgoingGrainCallFilter(lostAnswers.InvokeAsync),
        });
        return new MeshCluster(mesh, lostAnswers);
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

    public IParticipantGrain Grain(string participant) => _mesh.Participant(participant);

    public ValueTask DisposeAsync() => _mesh.DisposeAsync();
}
