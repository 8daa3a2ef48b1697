using Article42.Mesh.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// One in-process silo on a fresh SQLite journal (the kit's <see cref="InProcessMesh"/>), or on a throwaway PostgreSQL
/// server when a subclass says <see cref="OnPostgres"/>, with the default participants and their keys.
/// </summary>
public class MeshClusterFixture : IAsyncLifetime
{
    private InProcessMesh _mesh = null!;
    private PostgresServer? _postgres;
    private IMessageJournal? _postgresJournal;

    public InProcessTestCluster Cluster => _mesh.Cluster;
    public IMessageJournal Journal => _postgresJournal ?? _mesh.Journal;
    public IGrainFactory Grains => _mesh.Grains;

    /// <summary>Configuration the silo reads (sections Delivery and Security); subclasses add to it.</summary>
    protected virtual Dictionary<string, string?> Settings() => InProcessMesh.DefaultSettings();

    /// <summary>True to run the silo on a throwaway PostgreSQL server's journal (skipped with the reason where there is none).</summary>
    protected virtual bool OnPostgres => false;

    /// <summary>Services a subclass puts in the silo before the grains' defaults.</summary>
    protected virtual void Services(IServiceCollection services)
    {
    }

    /// <summary>The silo's own grain factory: its calls carry the cluster secret, as the embedded exercise runner's do.</summary>
    public IGrainFactory SiloGrains => Cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainFactory>();

    public TestGateway Gateway(string participant) => new(Grains, participant);

    /// <summary>
    /// The mesh still serves: an ordinary FR → DE SITREP is received and acknowledged, and FR has recorded its delivery
    /// (its checkpoint, issue 18), so a test that counts journal work afterwards does not count this message's record.
    /// </summary>
    public async Task AssertFranceReachesGermanyAsync()
    {
        var germany = Gateway("DE");
        await germany.OpenAsync();
        var sitrep = await Gateway("FR").SendAsync(TestKeys.Signed("FR", ["DE"]));
        var received = await germany.ReceiveAsync([sitrep.MessageId]);
        Assert.Contains(received, m => m.Envelope.MsgId == sitrep.MessageId);
        Assert.Empty((await germany.AcknowledgeAsync(received.Select(m => m.Envelope.MsgId))).Errors);
        await Deadline.UntilAsync(async () => (await Journal.FindByMessageIdAsync(sitrep.MessageId)).Any(e => e.Type == EntryTypes.Delivered),
            TimeSpan.FromSeconds(30), $"FR's delivery record of {sitrep.MessageId}");
    }

    /// <summary>
    /// Does what the silo's participant keeper does at start and every minute: wakes every registered participant, from
    /// the silo (so with the secret), and returns once each has loaded. The keeper keeps them all active; a test that
    /// counts activations takes its baseline after this, or a wake landing later counts as the test's own leftovers.
    /// </summary>
    public async Task WakeEveryParticipantAsync()
    {
        foreach (var participant in KeyedRegistry.Registry.Participants)
            await SiloGrains.GetGrain<IParticipantGrain>(participant.Id).WakeAsync();
    }

    public async ValueTask InitializeAsync()
    {
        if (OnPostgres)
        {
            _postgres = await PostgresServer.StartAsync();
            _postgresJournal = await PostgresJournal.OpenAsync(new PostgresJournalOptions(await _postgres.CreateDatabaseAsync("mesh")));
        }
        var journal = _postgresJournal;
        _mesh = await InProcessMesh.StartAsync(new InProcessMeshOptions
        {
            Settings = Settings(),
            Services = Services,
            JournalFor = journal is null ? null : _ => journal,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_mesh is not null)
            await _mesh.DisposeAsync();
        if (_postgresJournal is not null)
            await _postgresJournal.DisposeAsync();
        if (_postgres is not null)
            await _postgres.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
