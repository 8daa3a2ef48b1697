using Article42.Mesh.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Article42.Mesh.Grains.Tests;

/// <summary>One in-process silo on a fresh SQLite journal, with the default participants and their keys.</summary>
public class MeshClusterFixture : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("a42-grains-").FullName;

    public InProcessTestCluster Cluster { get; private set; } = null!;
    public IMessageJournal Journal { get; private set; } = null!;
    public IGrainFactory Grains => Cluster.Client;

    /// <summary>Configuration the silo reads (sections Delivery and Security); subclasses add to it.</summary>
    protected virtual Dictionary<string, string?> Settings() => TestSilo.DefaultSettings();

    /// <summary>Services a subclass puts in the silo before the grains' defaults.</summary>
    protected virtual void Services(IServiceCollection services)
    {
    }

    public TestGateway Gateway(string participant) => new(Grains, participant);

    public async ValueTask InitializeAsync()
    {
        Journal = await SqliteJournal.OpenAsync(new SqliteJournalOptions(Path.Combine(_directory, "journal.db")));
        Cluster = await TestSilo.StartAsync(Journal, Settings(), Services);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Journal.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }
}
