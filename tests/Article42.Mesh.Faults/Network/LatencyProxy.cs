using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Article42.Mesh.Faults.Network;

/// <summary>
/// A TCP proxy in the harness's own process that holds every chunk it relays for <see cref="Delay"/> before passing it on,
/// both ways: latency, since this kernel has no <c>netem</c>. Chunks keep their order and are not held up by each other
/// (each is due at its arrival plus the delay), so a delay does not cap the throughput. At <see cref="TimeSpan.Zero"/> it
/// only relays. An Orleans client must address a gateway at the silo's own address, or at loopback with the silo's port
/// (docs/operations/deploy.md, "The gateway address rule"), so the <c>gateway-latency</c> nemesis runs it inside each
/// client's namespace on 127.0.0.1 at each silo's gateway port (<see cref="ProxyProgram"/>).
/// </summary>
public sealed class LatencyProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private readonly List<TcpClient> _sockets = [];
    private long _delayTicks;

    private LatencyProxy(IPEndPoint listenOn, IPEndPoint target)
    {
        _target = target;
        _listener = new TcpListener(listenOn);
        _listener.Start();
        Endpoint = (IPEndPoint)_listener.LocalEndpoint;
        _accepting = AcceptAsync();
    }

    /// <summary>Where clients connect instead of <c>target</c>.</summary>
    public IPEndPoint Endpoint { get; }

    /// <summary>How long each chunk is held, each way; changed while connections are open.</summary>
    public TimeSpan Delay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _delayTicks));
        set => Interlocked.Exchange(ref _delayTicks, value.Ticks);
    }

    /// <summary>Listens on <paramref name="listenOn"/> (a free port) and relays to <paramref name="target"/>.</summary>
    public static LatencyProxy Start(IPAddress listenOn, IPEndPoint target) => new(new IPEndPoint(listenOn, 0), target);

    /// <summary>Listens on <paramref name="listenOn"/>, port and all, and relays to <paramref name="target"/>.</summary>
    public static LatencyProxy Start(IPEndPoint listenOn, IPEndPoint target) => new(listenOn, target);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        lock (_sockets)
        {
            foreach (var socket in _sockets)
                socket.Dispose();
        }
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var server = new TcpClient();
        Track(client, server);
        try
        {
            await server.ConnectAsync(_target, _stopping.Token);
            using var either = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            // One direction ending (a close, a reset) ends both, as it would on a direct connection.
            await Task.WhenAny(PumpAsync(client.GetStream(), server.GetStream(), either.Token), PumpAsync(server.GetStream(), client.GetStream(), either.Token));
            await either.CancelAsync();
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // The target refused or the proxy stops: the client sees its connection closed.
        }
        finally
        {
            lock (_sockets)
            {
                _sockets.Remove(client);
                _sockets.Remove(server);
            }
            client.Dispose();
            server.Dispose();
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, CancellationToken cancellation)
    {
        var chunks = Channel.CreateUnbounded<(long Arrived, byte[] Bytes)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var writing = WriteAsync(chunks.Reader, to, cancellation);
        try
        {
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await from.ReadAsync(buffer, cancellation)) > 0)
                chunks.Writer.TryWrite((TimeProvider.System.GetTimestamp(), buffer[..read]));
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Closed or reset: what was read still goes out, then the writer ends.
        }
        chunks.Writer.TryComplete();
        await writing;
    }

    private async Task WriteAsync(ChannelReader<(long Arrived, byte[] Bytes)> chunks, NetworkStream to, CancellationToken cancellation)
    {
        try
        {
            await foreach (var (arrived, bytes) in chunks.ReadAllAsync(cancellation))
            {
                await HoldAsync(arrived, cancellation);
                await to.WriteAsync(bytes, cancellation);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The other side is gone.
        }
    }

    /// <summary>
    /// Until the chunk that arrived at <paramref name="arrived"/> has been held for the delay. The timers may fire up to a
    /// millisecond early (their clock ticks in whole milliseconds), so the wait is rounded up and checked again: a chunk
    /// never leaves before its delay (a round trip at 300 ms each way took 599 ms before).
    /// </summary>
    private async Task HoldAsync(long arrived, CancellationToken cancellation)
    {
        TimeSpan wait;
        while ((wait = Delay - TimeProvider.System.GetElapsedTime(arrived)) > TimeSpan.Zero)
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), cancellation);
    }

    /// <summary>Open connections, closed by <see cref="DisposeAsync"/>; each leaves the list when its relay ends.</summary>
    private void Track(TcpClient client, TcpClient server)
    {
        lock (_sockets)
        {
            _sockets.Add(client);
            _sockets.Add(server);
        }
    }
}
