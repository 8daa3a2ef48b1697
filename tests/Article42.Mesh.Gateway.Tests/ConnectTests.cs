using System.Net;
using System.Net.Sockets;

namespace Article42.Mesh.Gateway.Tests;

public sealed class ConnectTests
{
    [Fact]
    public async Task Connecting_to_an_endpoint_where_no_silo_listens_keeps_trying_until_cancelled()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var options = MeshCluster.Options("FR") with { Endpoints = [new IPEndPoint(IPAddress.Loopback, port)] };
        var started = TimeProvider.System.GetTimestamp();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => MeshGateway.ConnectAsync(options, cancel.Token));

        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromSeconds(1.5), "it kept trying instead of failing at once");
    }

    [Fact]
    public async Task A_gateway_needs_a_participant_and_a_key()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => MeshGateway.ConnectAsync(new MeshGatewayOptions { Participant = "FR" }));
        await Assert.ThrowsAsync<ArgumentException>(() => MeshGateway.ConnectAsync(MeshCluster.Options("FR") with { Participant = "" }));
    }
}
