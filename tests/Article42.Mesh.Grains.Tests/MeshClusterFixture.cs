using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Article42.Mesh.Grains.Tests;

/// <summary>One in-process silo on a fresh SQLite journal (the kit's <see cref="InProcessMesh"/>), with the default participants and their keys.</summary>
public class MeshClusterFixture : IAsyncLifetime
{
    private InProcessMesh _mesh = null!;

    public InProcessTestCluster Cluster => _mesh.Cluster;
    public IMessageJournal Journal => _mesh.Journal;
    public IGrainFactory Grains => _mesh.Grains;

    /// <summary>Configuration the silo reads (sections Delivery and Security); subclasses add to it.</summary>
    protected virtual Dictionary<string, string?> Settings() => InProcessMesh.DefaultSettings();

    /// <summary>Services a subclass puts in the silo before the grains' defaults.</summary>
    protected virtual void Services(IServiceCollection services)
    {
    }

    public TestGateway Gateway(string participant) => new(Grains, participant);

    public async ValueTask InitializeAsync() =>
        _mesh = await InProcessMesh.StartAsync(new InProcessMeshOptions { Settings = Settings(), Services = Services });

    public async ValueTask DisposeAsync()
    {
        await _mesh.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
