using Article42.Mesh.Storage.Sqlite;
using Orleans.TestingHost;

namespace Article42.Mesh.Grains.Tests.Model;

/// <summary>
/// Two in-process clusters over one SQLite journal, as a split cluster or a failover leaves them: a participant called
/// in both has two live activations, each with its own view of the same journal streams (issue #18: duplicate
/// activations). <see cref="Grains"/> is the mesh the gateways use, <see cref="Elsewhere"/> the other cluster. The
/// first cluster's journal passes a gate (<see cref="Gate"/>) and an outage switch (<see cref="Outage"/>) so a test can
/// fail one chosen write; the other cluster's goes straight to the journal. Rates are out of the way.
/// </summary>
public sealed class TwoClusterFixture : IAsyncLifetime
{
    private InProcessMesh _main = null!;
    private InProcessMesh _elsewhere = null!;
    private string _directory = "";

    /// <summary>The shared journal, undecorated.</summary>
    public IMessageJournal Journal { get; private set; } = null!;

    /// <summary>Between the first cluster's silo and the journal: fails every call while down.</summary>
    public OutageJournal Outage { get; private set; } = null!;

    /// <summary>Between the first cluster's silo and <see cref="Outage"/>: holds chosen appends.</summary>
    public GatedJournal Gate { get; private set; } = null!;

    public InProcessTestCluster Cluster => _main.Cluster;
    public IGrainFactory Grains => _main.Grains;

    /// <summary>The second cluster's client: its calls make second activations over the same journal.</summary>
    public IGrainFactory Elsewhere => _elsewhere.Grains;

    public async ValueTask InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("a42-two-clusters-").FullName;
        Journal = await SqliteJournal.OpenAsync(new SqliteJournalOptions(Path.Combine(_directory, "journal.db")));
        Outage = new OutageJournal(Journal);
        Gate = new GatedJournal(Outage);
        var settings = new Dictionary<string, string?>
        {
            ["Delivery:SenderRatePerSecond"] = "1000000",
            ["Delivery:SenderBurst"] = "1000000",
        };
        _main = await InProcessMesh.StartAsync(new InProcessMeshOptions { Settings = settings, JournalFor = _ => Gate });
        _elsewhere = await InProcessMesh.StartAsync(new InProcessMeshOptions { Settings = settings, JournalFor = _ => Journal });
    }

    public async ValueTask DisposeAsync()
    {
        if (_elsewhere is not null)
            await _elsewhere.DisposeAsync();
        if (_main is not null)
            await _main.DisposeAsync();
        if (Journal is not null)
            await Journal.DisposeAsync();
        if (_directory.Length > 0)
            Directory.Delete(_directory, recursive: true);
    }
}
