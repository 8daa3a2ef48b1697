using Article42.Mesh.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Article42.Mesh.Gateway.Tests;

/// <summary>
/// A single-silo mesh for <see cref="ErrorContractTests"/>: its journal can go down like a restarting PostgreSQL
/// (<see cref="Journal"/>), a scripted filter stands before the mesh's own (<see cref="Script"/>), and the client records
/// every exception it received (<see cref="Failures"/>).
/// </summary>
public sealed class ErrorContractMesh : IAsyncLifetime
{
    private InProcessMesh _mesh = null!;

    public OutageJournal Journal { get; private set; } = null!;
    public ScriptedCallFilter Script { get; } = new();
    public CallFailures Failures { get; } = new();

    public IGrainFactory Grains => _mesh.Grains;

    public MeshGateway Gateway(string participant) => MeshGateway.Attach(_mesh.Cluster.Client, MeshCluster.Options(participant));

    public async ValueTask InitializeAsync() =>
        _mesh = await InProcessMesh.StartAsync(new InProcessMeshOptions
        {
            Services = services =>
            {
                var journal = (IMessageJournal)services.Last(s => s.ServiceType == typeof(IMessageJournal)).ImplementationInstance!;
                services.AddSingleton<IMessageJournal>(Journal = new OutageJournal(journal));
                services.AddSingleton<IIncomingGrainCallFilter>(Script);
            },
            Client = client => client.AddOutgoingGrainCallFilter(Failures.InvokeAsync),
        });

    public async ValueTask DisposeAsync() => await _mesh.DisposeAsync();
}
