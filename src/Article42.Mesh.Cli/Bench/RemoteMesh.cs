using Article42.Mesh.Gateway;
using Article42.Mesh.Load.Measuring;
using Article42.Mesh.Load.Systems;

namespace Article42.Mesh.Cli.Bench;

/// <summary>
/// A running mesh that <c>a42 bench</c> does not own, seen through one <see cref="MeshBenchGateway"/> per bench
/// participant (its own connection), which acknowledges everything it is handed, DEFERRED included.
/// </summary>
public sealed class RemoteMesh : ISystemUnderTest
{
    private RemoteMesh(IReadOnlyList<IBenchGateway> gateways, DeliveryTracker tracker)
    {
        Gateways = gateways;
        Tracker = tracker;
    }

    public string Kind => "mesh";
    public IReadOnlyList<IBenchGateway> Gateways { get; }
    public DeliveryTracker Tracker { get; }
    public ServerProcesses? Servers => null;

    /// <summary>Connects a gateway for each of <paramref name="participants"/>, in their order.</summary>
    public static async Task<RemoteMesh> ConnectAsync(IReadOnlyList<MeshGatewayOptions> participants, BenchPayload payload, CancellationToken cancellation)
    {
        var tracker = new DeliveryTracker();
        var connecting = participants.Select(options => MeshGateway.ConnectAsync(options, cancellation)).ToList();
        try
        {
            await Task.WhenAll(connecting);
        }
        catch
        {
            await Task.WhenAll(connecting.Where(c => c.IsCompletedSuccessfully).Select(c => c.Result.DisposeAsync().AsTask()));
            throw;
        }
        return new RemoteMesh([.. connecting.Select(c => (IBenchGateway)new MeshBenchGateway(c.Result, payload, tracker, acknowledgeDeferred: true))], tracker);
    }

    public async ValueTask DisposeAsync() => await Task.WhenAll(Gateways.Select(g => g.DisposeAsync().AsTask()));
}
