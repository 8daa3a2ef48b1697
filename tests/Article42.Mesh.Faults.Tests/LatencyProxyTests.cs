using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Article42.Mesh.Faults.Network;

namespace Article42.Mesh.Faults.Tests;

/// <summary>The harness's latency proxy (issue 20, <c>gateway-latency</c>): it relays both ways, and holds what it relays for its delay.</summary>
public sealed class LatencyProxyTests
{
    private static readonly TimeSpan EachWay = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task It_relays_both_ways_at_once_and_holds_each_way_for_its_delay_once_set()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var echo = new TcpListener(IPAddress.Loopback, 0);
        echo.Start();
        var chunks = Channel.CreateUnbounded<EchoedChunk>();
        var echoing = EchoAsync(echo, chunks.Writer, cancel);
        await using var proxy = LatencyProxy.Start(IPAddress.Loopback, (IPEndPoint)echo.LocalEndpoint);
        using var client = new TcpClient();
        await client.ConnectAsync(proxy.Endpoint, cancel);
        var stream = client.GetStream();

        var direct = await RoundTripAsync(stream, chunks.Reader, [1, 2, 3], cancel);
        proxy.Delay = EachWay;
        var delayed = await RoundTripAsync(stream, chunks.Reader, [4, 5, 6], cancel);

        Assert.True(direct.Total < EachWay, $"without a delay a round trip took {direct}");
        // Each way on its own, from the timestamps of the echo server in the middle: a delay held on one way only fails.
        Assert.True(delayed.Out >= EachWay, $"with {EachWay.TotalMilliseconds:0} ms each way: {delayed}");
        Assert.True(delayed.Back >= EachWay, $"with {EachWay.TotalMilliseconds:0} ms each way: {delayed}");
        client.Close();
        await echoing.WaitAsync(TimeSpan.FromSeconds(30), cancel);
    }

    /// <summary>
    /// Writes <paramref name="bytes"/> and reads them back: <c>Out</c> is from the write to the last chunk's arrival at
    /// the echo server (every chunk leaves the proxy only after the delay), <c>Back</c> from the echo server's reply of
    /// that chunk to its arrival here.
    /// </summary>
    private static async Task<Trip> RoundTripAsync(NetworkStream stream, ChannelReader<EchoedChunk> chunks, byte[] bytes, CancellationToken cancel)
    {
        var started = Stopwatch.GetTimestamp();
        await stream.WriteAsync(bytes, cancel);
        var back = new byte[bytes.Length];
        await stream.ReadExactlyAsync(back, cancel).AsTask().WaitAsync(TimeSpan.FromSeconds(30), cancel);
        var received = Stopwatch.GetTimestamp();
        Assert.Equal(bytes, back);
        var echoed = 0;
        EchoedChunk last = default;
        while (echoed < bytes.Length)
        {
            last = await chunks.ReadAsync(cancel);
            Assert.True(Stopwatch.GetElapsedTime(started, last.Arrived) >= TimeSpan.Zero, "a chunk echoed before this trip's write");
            echoed += last.Length;
        }
        return new Trip(Stopwatch.GetElapsedTime(started, received), Stopwatch.GetElapsedTime(started, last.Arrived), Stopwatch.GetElapsedTime(last.Replied, received));
    }

    private static async Task EchoAsync(TcpListener listener, ChannelWriter<EchoedChunk> chunks, CancellationToken cancel)
    {
        using var peer = await listener.AcceptTcpClientAsync(cancel);
        var stream = peer.GetStream();
        var buffer = new byte[1024];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancel)) > 0)
        {
            var arrived = Stopwatch.GetTimestamp();
            var replied = Stopwatch.GetTimestamp();
            chunks.TryWrite(new EchoedChunk(arrived, replied, read));
            await stream.WriteAsync(buffer.AsMemory(0, read), cancel);
        }
    }

    private readonly record struct EchoedChunk(long Arrived, long Replied, int Length);

    private readonly record struct Trip(TimeSpan Total, TimeSpan Out, TimeSpan Back)
    {
        public override string ToString() => $"round trip {Total.TotalMilliseconds:0} ms, out {Out.TotalMilliseconds:0} ms, back {Back.TotalMilliseconds:0} ms";
    }
}
