using Microsoft.Extensions.DependencyInjection;

namespace Article42.Mesh.Gateway.Tests;

/// <summary>
/// A single-silo mesh for <see cref="TransientFailureTests"/>: a scripted filter on the silo (<see cref="Silo"/>, its
/// failures cross the mesh's error boundary as the typed transient error) and a scripted filter on the client
/// (<see cref="Client"/>, failures Orleans raises on the client itself).
/// </summary>
public sealed class TransientMesh : IAsyncLifetime
{
    private InProcessMesh _mesh = null!;

    public ScriptedCallFilter Silo { get; } = new();
    public ScriptedClientCalls Client { get; } = new();

    public MeshGateway Gateway(string participant) => MeshGateway.Attach(_mesh.Cluster.Client, MeshCluster.Options(participant));

    public async ValueTask InitializeAsync() =>
        _mesh = await InProcessMesh.StartAsync(new InProcessMeshOptions
        {
            Settings = new Dictionary<string, string?> { ["Delivery:SenderRatePerSecond"] = "1000000", ["Delivery:SenderBurst"] = "1000000" },
            Services = services => services.AddSingleton<IIncomingGrainCallFilter>(Silo),
            Client = client => client.AddOutgoingGrainCallFilter(Client.InvokeAsync),
        });

    public async ValueTask DisposeAsync() => await _mesh.DisposeAsync();
}
