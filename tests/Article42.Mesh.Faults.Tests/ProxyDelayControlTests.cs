using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Article42.Mesh.Faults.Network;
using Article42.Mesh.TestKit;

namespace Article42.Mesh.Faults.Tests;

/// <summary>
/// The proxy process's control (issue 20, <c>gateway-latency</c>): the harness writes a delay to a file from outside the
/// client's namespace, and the polling proxy holds what it relays for that delay, then for none once it is set to 0.
/// </summary>
public sealed class ProxyDelayControlTests
{
    [Fact]
    public async Task The_control_file_sets_the_delay_of_a_running_proxy_and_setting_0_takes_it_away()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var directory = new TempDirectory();
        var control = Path.Combine(directory.Path, "proxy.delay");
        using var echo = new TcpListener(IPAddress.Loopback, 0);
        echo.Start();
        var echoing = EchoAsync(echo, cancel);
        await using var proxy = LatencyProxy.Start(IPAddress.Loopback, (IPEndPoint)echo.LocalEndpoint);
        using var polling = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var inForce = new List<TimeSpan>();
        var poller = ProxyDelayControl.PollAsync(control, [proxy], d => { lock (inForce) inForce.Add(d); }, TimeProvider.System, polling.Token);
        using var client = new TcpClient();
        await client.ConnectAsync(proxy.Endpoint, cancel);
        var stream = client.GetStream();

        ProxyDelayControl.Write(control, TimeSpan.FromMilliseconds(300));
        await Deadline.UntilAsync(() => { lock (inForce) return inForce.Count == 1; }, TimeSpan.FromSeconds(30), "the 300 ms delay in force");
        var delayed = await RoundTripAsync(stream, [1, 2, 3], cancel);
        ProxyDelayControl.Write(control, TimeSpan.Zero);
        await Deadline.UntilAsync(() => { lock (inForce) return inForce.Count == 2; }, TimeSpan.FromSeconds(30), "the delay back to 0");
        var healed = await RoundTripAsync(stream, [4, 5, 6], cancel);

        Assert.Equal([TimeSpan.FromMilliseconds(300), TimeSpan.Zero], inForce);
        Assert.True(delayed >= TimeSpan.FromMilliseconds(600), $"with 300 ms each way a round trip took {delayed.TotalMilliseconds:0} ms");
        Assert.True(healed < TimeSpan.FromMilliseconds(300), $"with the delay set to 0 a round trip took {healed.TotalMilliseconds:0} ms");
        await polling.CancelAsync();
        await poller.WaitAsync(TimeSpan.FromSeconds(30), cancel);
        client.Close();
        await echoing.WaitAsync(TimeSpan.FromSeconds(30), cancel);
    }

    [Fact]
    public void A_file_that_holds_no_number_of_milliseconds_sets_nothing()
    {
        using var directory = new TempDirectory();
        var control = Path.Combine(directory.Path, "proxy.delay");
        Assert.Null(ProxyDelayControl.Read(control));
        File.WriteAllText(control, "-250");
        Assert.Null(ProxyDelayControl.Read(control));
        File.WriteAllText(control, "250ms");
        Assert.Null(ProxyDelayControl.Read(control));
        ProxyDelayControl.Write(control, TimeSpan.FromMilliseconds(250));
        Assert.Equal(TimeSpan.FromMilliseconds(250), ProxyDelayControl.Read(control));
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
