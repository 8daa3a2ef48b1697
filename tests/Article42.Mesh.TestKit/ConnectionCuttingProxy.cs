using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Article42.Mesh.TestKit;

/// <summary>
/// A loopback TCP proxy between an Orleans client and a silo's gateway that cuts connections the way the fault suite's
/// <c>gateway-connection-cut</c> does (issue 20), without network namespaces: <see cref="CutAsync"/> resets every
/// relayed connection on both sides and answers new ones with a reset until healed. It records the first frame each
/// client sends (Orleans' connection preamble: a little-endian length, then that many bytes, naming the client), so
/// <see cref="LateConnectionAsync"/> can play what the silo saw after the real cut: a connection the client opened in
/// the cut's window, whose preamble the silo handled after the client's live reconnection, then reset.
/// It listens on 127.0.0.2 at the silo's own gateway port: an Orleans client must reach a gateway at the port the silo
/// advertises (docs/operations/deploy.md, "The gateway address rule").
/// </summary>
public sealed class ConnectionCuttingProxy : IAsyncDisposable
{
    private static readonly IPAddress ProxyAddress = IPAddress.Parse("127.0.0.2");
    private readonly TcpListener _listener;
    private readonly IPEndPoint _silo;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Relay, byte> _relays = new();
    private readonly Task _accepting;
    private volatile byte[]? _preamble;
    private long _refusedUntil;
    private int _relayed;

    public ConnectionCuttingProxy(int siloGatewayPort)
    {
        _silo = new IPEndPoint(IPAddress.Loopback, siloGatewayPort);
        _listener = new TcpListener(ProxyAddress, siloGatewayPort);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>Where clients reach the proxy.</summary>
    public IPEndPoint Endpoint => (IPEndPoint)_listener.LocalEndpoint;

    /// <summary>Connections whose preamble reached the silo and whose silo answered, since the proxy started.</summary>
    public int Relayed => Volatile.Read(ref _relayed);

    /// <summary>Connections open through the proxy now.</summary>
    public int Open => _relays.Count;

    /// <summary>Resets every connection on both sides, then resets every new one until <paramref name="refuseFor"/> has passed.</summary>
    public Task CutAsync(TimeSpan refuseFor)
    {
        Interlocked.Exchange(ref _refusedUntil, (DateTime.UtcNow + refuseFor).Ticks);
        foreach (var relay in _relays.Keys)
            relay.Reset();
        return Task.Delay(refuseFor, _stop.Token);
    }

    /// <summary>
    /// Opens a connection to the silo carrying the last client's preamble, waits for the silo's answer (the silo records
    /// a client's connection when it answers its preamble), then resets it.
    /// </summary>
    public async Task LateConnectionAsync()
    {
        var preamble = _preamble ?? throw new InvalidOperationException("no client has connected through the proxy yet");
        using var silo = new TcpClient();
        await silo.ConnectAsync(_silo, _stop.Token);
        var stream = silo.GetStream();
        await stream.WriteAsync(preamble, _stop.Token);
        await stream.FlushAsync(_stop.Token);
        await ReadFrameAsync(stream, _stop.Token);
        silo.Client.LingerState = new LingerOption(true, 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var relay in _relays.Keys)
            relay.Reset();
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                if (DateTime.UtcNow.Ticks < Interlocked.Read(ref _refusedUntil))
                {
                    Relay.ResetSocket(client);
                    continue;
                }
                _ = RelayAsync(client);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var silo = new TcpClient();
        var relay = new Relay(client, silo);
        _relays[relay] = 0;
        try
        {
            await silo.ConnectAsync(_silo, _stop.Token);
            var fromClient = client.GetStream();
            var toSilo = silo.GetStream();
            var preamble = await ReadFrameAsync(fromClient, _stop.Token);
            _preamble = preamble;
            await toSilo.WriteAsync(preamble, _stop.Token);
            var answer = await ReadFrameAsync(toSilo, _stop.Token);
            await fromClient.WriteAsync(answer, _stop.Token);
            Interlocked.Increment(ref _relayed);
            await Task.WhenAny(fromClient.CopyToAsync(toSilo, _stop.Token), toSilo.CopyToAsync(fromClient, _stop.Token));
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or EndOfStreamException or ObjectDisposedException)
        {
            // One side went away (or the proxy cut it): the other side is reset below.
        }
        finally
        {
            _relays.TryRemove(relay, out _);
            relay.Reset();
        }
    }

    private static async Task<byte[]> ReadFrameAsync(Stream from, CancellationToken cancellation)
    {
        var length = new byte[4];
        await from.ReadExactlyAsync(length, cancellation);
        var frame = new byte[4 + BinaryPrimitives.ReadInt32LittleEndian(length)];
        length.CopyTo(frame, 0);
        await from.ReadExactlyAsync(frame.AsMemory(4), cancellation);
        return frame;
    }

    /// <summary>One client connection and its connection to the silo.</summary>
    private sealed class Relay(TcpClient client, TcpClient silo)
    {
        private int _reset;

        public void Reset()
        {
            if (Interlocked.Exchange(ref _reset, 1) == 1)
                return;
            ResetSocket(client);
            ResetSocket(silo);
        }

        /// <summary>Closes with a reset (linger 0), as the fault suite's <c>ss -K</c> and <c>REJECT --reject-with tcp-reset</c> do.</summary>
        public static void ResetSocket(TcpClient socket)
        {
            try
            {
                if (socket.Client.Connected)
                    socket.Client.LingerState = new LingerOption(true, 0);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // Already closed.
            }
            socket.Dispose();
        }
    }
}
