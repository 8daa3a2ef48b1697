using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Article42.Mesh.Faults.Network;

namespace Article42.Mesh.Faults.Tests;

/// <summary>The harness's latency proxy (issue 20, <c>gateway-latency</c>): it relays both ways, and holds what it relays for its delay.</summary>
public sealed class LatencyProxyTests
{
    [Fact]
    public async Task It_relays_both_ways_at_once_and_holds_each_way_for_its_delay_once_set()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var echo = new TcpListener(IPAddress.Loopback, 0);
        echo.Start();
        var echoing = EchoAsync(echo, cancel);
        await using var proxy = LatencyProxy.Start(IPAddress.Loopback, (IPEndPoint)echo.LocalEndpoint);
        using var client = new TcpClient();
        await client.ConnectAsync(proxy.Endpoint, cancel);
        var stream = client.GetStream();

        var direct = await RoundTripAsync(stream, [1, 2, 3], cancel);
        proxy.Delay = TimeSpan.FromMilliseconds(300);
        var delayed = await RoundTripAsync(stream, [4, 5, 6], cancel);

        Assert.True(direct < TimeSpan.FromMilliseconds(300), $"without a delay a round trip took {direct.TotalMilliseconds:0} ms");
        Assert.True(delayed >= TimeSpan.FromMilliseconds(600), $"with 300 ms each way a round trip took {delayed.TotalMilliseconds:0} ms");
        client.Close();
        await echoing.WaitAsync(TimeSpan.FromSeconds(30), cancel);
    }

    private static async Task<TimeSpan> RoundTripAsync(NetworkStream stream, byte[] bytes, CancellationToken cancel)
    {
        var started = Stopwatch.GetTimestamp();
        await stream.WriteAsync(bytes, cancel);
        var back = new byte[bytes.Length];
        await stream.ReadExactlyAsync(back, cancel).AsTask().WaitAsync(TimeSpan.FromSeconds(30), cancel);
        Assert.Equal(bytes, back);
        return Stopwatch.GetElapsedTime(started);
    }

    private static async Task EchoAsync(TcpListener listener, CancellationToken cancel)
    {
        using var peer = await listener.AcceptTcpClientAsync(cancel);
        var stream = peer.GetStream();
        var buffer = new byte[1024];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancel)) > 0)
            await stream.WriteAsync(buffer.AsMemory(0, read), cancel);
    }
}
