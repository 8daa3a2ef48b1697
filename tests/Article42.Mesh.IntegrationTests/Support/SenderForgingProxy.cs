using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Buffers;
using Orleans.Serialization.Session;

namespace Article42.Mesh.IntegrationTests;

/// <summary>
/// A TCP proxy between an Orleans client and a silo's gateway that plays a hostile client: it records every frame
/// the client sends and, once told to, rewrites the sending grain of each message frame to another id before passing
/// it on (the rest of the frame untouched, the header length fixed). Its own small reading of Orleans' frame layout,
/// kept apart from the code it tests. It listens on 127.0.0.2 at the silo's own gateway port: an Orleans client must
/// reach a gateway at the port the silo advertises (docs/operations/deploy.md, "The gateway address rule").
/// </summary>
public sealed class SenderForgingProxy : IAsyncDisposable
{
    private static readonly IPAddress ProxyAddress = IPAddress.Parse("127.0.0.2");
    private readonly TcpListener _listener;
    private readonly IPEndPoint _silo;
    private readonly CancellationTokenSource _stop = new();
    private readonly ServiceProvider _serialization = new ServiceCollection().AddSerializer().BuildServiceProvider();
    private readonly Task _accepting;
    private volatile object? _forged;

    public SenderForgingProxy(int siloGatewayPort)
    {
        _silo = new IPEndPoint(IPAddress.Loopback, siloGatewayPort);
        _listener = new TcpListener(ProxyAddress, siloGatewayPort);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>Where clients reach the proxy.</summary>
    public IPEndPoint Endpoint => (IPEndPoint)_listener.LocalEndpoint;

    /// <summary>Every frame clients sent through the proxy, as sent (the preamble first), before any rewriting.</summary>
    public ConcurrentQueue<byte[]> Frames { get; } = new();

    /// <summary>Connections the silo closed (its side of the socket ended).</summary>
    public int ClosedBySilo => _closedBySilo;

    private int _closedBySilo;

    /// <summary>From now on, every message frame names <paramref name="sender"/> as its sending grain.</summary>
    public void Forge(GrainId sender) => _forged = sender;

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = RelayAsync(client);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var _ = client;
        using var silo = new TcpClient();
        try
        {
            await silo.ConnectAsync(_silo, _stop.Token);
            var fromClient = ForwardFramesAsync(client.GetStream(), silo.GetStream());
            var fromSilo = CopyAsync(silo.GetStream(), client.GetStream());
            await Task.WhenAny(fromClient, fromSilo);
            if (fromSilo.IsCompleted)
                Interlocked.Increment(ref _closedBySilo);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
        {
        }
    }

    private async Task CopyAsync(Stream from, Stream to)
    {
        try
        {
            await from.CopyToAsync(to, _stop.Token);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private async Task ForwardFramesAsync(Stream from, Stream to)
    {
        try
        {
            var preambleLength = BinaryPrimitives.ReadInt32LittleEndian(await ReadExactlyAsync(from, 4));
            await PassAsync(to, [.. BitConverter.GetBytes(preambleLength), .. await ReadExactlyAsync(from, preambleLength)]);
            while (true)
            {
                var prefix = await ReadExactlyAsync(from, 8);
                var header = await ReadExactlyAsync(from, BinaryPrimitives.ReadInt32LittleEndian(prefix));
                var body = await ReadExactlyAsync(from, BinaryPrimitives.ReadInt32LittleEndian(prefix.AsSpan(4)));
                Frames.Enqueue([.. prefix, .. header, .. body]);
                if (_forged is GrainId sender)
                    header = Rewrite(header, sender);
                var lengths = new byte[8];
                BinaryPrimitives.WriteInt32LittleEndian(lengths, header.Length);
                BinaryPrimitives.WriteInt32LittleEndian(lengths.AsSpan(4), body.Length);
                await to.WriteAsync(lengths, _stop.Token);
                await to.WriteAsync(header, _stop.Token);
                await to.WriteAsync(body, _stop.Token);
                await to.FlushAsync(_stop.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or EndOfStreamException or ObjectDisposedException)
        {
        }
    }

    private async Task PassAsync(Stream to, byte[] frame)
    {
        Frames.Enqueue(frame);
        await to.WriteAsync(frame, _stop.Token);
        await to.FlushAsync(_stop.Token);
    }

    /// <summary>The header with its sending grain (after the 4-byte flags and the 8-byte correlation id) replaced.</summary>
    private byte[] Rewrite(byte[] header, GrainId sender)
    {
        var sessions = _serialization.GetRequiredService<SerializerSessionPool>();
        using var session = sessions.GetSession();
        var reader = Reader.Create(header, session);
        reader.ReadUInt32();
        reader.ReadInt64();
        SkipIdSpan(ref reader);
        SkipIdSpan(ref reader);
        var senderEnd = (int)reader.Position;

        var encoded = new ArrayBufferWriter<byte>();
        using var writing = sessions.GetSession();
        var writer = Writer.Create(encoded, writing);
        IdSpanCodec.WriteRaw(ref writer, sender.Type.Value);
        IdSpanCodec.WriteRaw(ref writer, sender.Key);
        writer.Commit();
        return [.. header.AsSpan(0, 12), .. encoded.WrittenSpan, .. header.AsSpan(senderEnd)];
    }

    private static void SkipIdSpan(ref Reader<SpanReaderInput> reader)
    {
        var length = reader.ReadVarUInt32();
        if (length == 0)
            return;
        reader.ReadInt32();
        reader.ReadBytes(length);
    }

    private async Task<byte[]> ReadExactlyAsync(Stream from, int count)
    {
        var bytes = new byte[count];
        await from.ReadExactlyAsync(bytes, _stop.Token);
        return bytes;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        await _serialization.DisposeAsync();
        _stop.Dispose();
    }
}
