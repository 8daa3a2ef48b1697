using System.Net;

namespace Article42.Mesh.Gateway.Tests;

public sealed class ConnectTests
{
    [Fact]
    public async Task Connecting_to_an_endpoint_where_no_silo_listens_keeps_trying_until_cancelled()
    {
        const int Retries = 5;
        var clock = new RecordingTimeProvider();
        var baseDelay = TimeSpan.FromMilliseconds(20);
        var maxDelay = TimeSpan.FromMilliseconds(160);
        var options = MeshCluster.Options("FR") with
        {
            Connection = new() { Endpoints = [new IPEndPoint(IPAddress.Loopback, FreePorts.One())] },
            TimeProvider = clock,
            RetryBaseDelay = baseDelay,
            RetryMaxDelay = maxDelay,
        };
        using var cancel = new CancellationTokenSource();

        var connecting = MeshGateway.ConnectAsync(options, cancel.Token);
        await Deadline.UntilAsync(() => clock.Timers.Count >= Retries || connecting.IsCompleted, TimeSpan.FromSeconds(60), $"{Retries} connection retries");
        Assert.False(connecting.IsCompleted, $"ConnectAsync ended by itself after {clock.Timers.Count} retries: {connecting.Exception?.InnerException}");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connecting);
        // Each retry waited its backoff: between half and all of base × 2^attempt, capped at the maximum (jitter).
        var delays = clock.Timers;
        Assert.All(Enumerable.Range(0, Retries), attempt =>
        {
            var cap = TimeSpan.FromTicks(Math.Min(baseDelay.Ticks << attempt, maxDelay.Ticks));
            Assert.InRange(delays[attempt], cap / 2, cap);
        });
    }

    [Fact]
    public async Task A_gateway_needs_a_participant_and_a_key()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => MeshGateway.ConnectAsync(new MeshGatewayOptions { Participant = "FR" }));
        await Assert.ThrowsAsync<ArgumentException>(() => MeshGateway.ConnectAsync(MeshCluster.Options("FR") with { Participant = "" }));
    }
}
