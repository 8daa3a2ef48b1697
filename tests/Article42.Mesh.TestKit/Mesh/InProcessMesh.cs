using Article42.Mesh.Grains;
using Article42.Mesh.Protocol;
using Article42.Mesh.Storage;
using Article42.Mesh.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Article42.Mesh.TestKit;

/// <summary>
/// The real mesh grains in Orleans' in-process test cluster: every silo holds the keyed test registry
/// (<see cref="KeyedRegistry"/>), a journal, and <see cref="DefaultSettings"/> with the test's settings laid over them.
/// Disposing stops the silos, then closes and deletes the journal the mesh made.
/// </summary>
public sealed class InProcessMesh : IAsyncDisposable
{
    private readonly IMessageJournal? _journal;
    private readonly string? _directory;

    private InProcessMesh(InProcessTestCluster cluster, IMessageJournal? journal, string? directory)
    {
        Cluster = cluster;
        _journal = journal;
        _directory = directory;
    }

    public InProcessTestCluster Cluster { get; }

    /// <summary>The fresh SQLite journal the mesh made; a mesh on the test's own journals has none.</summary>
    public IMessageJournal Journal =>
        _journal ?? throw new InvalidOperationException("this mesh runs on the test's own journals (InProcessMeshOptions.JournalFor)");

    /// <summary>The client's grain factory: what a gateway, outside the silos, can call.</summary>
    public IGrainFactory Grains => Cluster.Client;

    /// <summary>A participant's mailbox, through the client.</summary>
    public IParticipantGrain Participant(string participant) => Grains.GetGrain<IParticipantGrain>(participant);

    /// <summary>The test silos' cluster secret: a test that acts as a silo or operator (placement, the management grain) carries it through <see cref="ClusterSecretScope"/>.</summary>
    public const string ClusterSecret = "test-cluster-secret";

    /// <summary>What every test silo reads unless the test says otherwise: a cluster secret, and every envelope's signature verified.</summary>
    public static Dictionary<string, string?> DefaultSettings() => new()
    {
        ["Security:ClusterSecret"] = ClusterSecret,
        ["Security:VerifySignatures"] = "Always",
    };

    public static async Task<InProcessMesh> StartAsync(InProcessMeshOptions? options = null)
    {
        options ??= new InProcessMeshOptions();
        string? directory = null;
        IMessageJournal? journal = null;
        var journalFor = options.JournalFor;
        if (journalFor is null)
        {
            directory = Directory.CreateTempSubdirectory("a42-mesh-").FullName;
            journal = await SqliteJournal.OpenAsync(new SqliteJournalOptions(Path.Combine(directory, "journal.db"))).ConfigureAwait(false);
            journalFor = _ => journal;
        }

        var settings = DefaultSettings();
        foreach (var (key, value) in options.Settings)
            settings[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = new InProcessTestClusterBuilder(options.Silos);
        builder.ConfigureSilo((siloOptions, silo) =>
        {
            silo.Services.AddSingleton(KeyedRegistry.Registry);
            silo.Services.AddSingleton<IMessageJournal>(journalFor(siloOptions.SiloName));
            options.Services?.Invoke(silo.Services);
            silo.AddMeshGrains(configuration);
        });
        // The test cluster's own liveness hooks are silo-side work, not client calls: they carry the secret.
        builder.ConfigureClient(client => client.AddOutgoingGrainCallFilter(TestHooksCarryTheSecretAsync));
        if (options.Client is not null)
            builder.ConfigureClient(options.Client);
        var cluster = builder.Build();
        await cluster.DeployAsync().ConfigureAwait(false);
        return new InProcessMesh(cluster, journal, directory);
    }

    private static async Task TestHooksCarryTheSecretAsync(IOutgoingGrainCallContext context)
    {
        if (context.InterfaceMethod?.DeclaringType?.FullName != "Orleans.Runtime.TestHooks.ITestHooks")
        {
            await context.Invoke().ConfigureAwait(false);
            return;
        }
        using (ClusterSecretScope.Enter(ClusterSecret))
            await context.Invoke().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync().ConfigureAwait(false);
        if (_journal is not null)
            await _journal.DisposeAsync().ConfigureAwait(false);
        if (_directory is not null)
            Directory.Delete(_directory, recursive: true);
    }
}
