using System.Buffers;
using Orleans.Serialization.Session;

namespace Article42.Mesh.Hosting.Connections;

/// <summary>
/// Follows one gateway connection's inbound bytes frame by frame: first Orleans' connection preamble (which names the
/// client id), then message frames, each of which must stay within the gateway's size limits and name as its sender
/// that client id or one of its observers (<c>client-id+observer</c>, Orleans' <c>ObserverGrainId</c>). The first
/// frame that does not is a refusal; the connection is then closed before Orleans reads it.
/// </summary>
internal sealed class FrameInspector(ClientPreambleReader preambles, SerializerSession session, int maxHeaderBytes, int maxBodyBytes)
{
    /// <summary>Orleans' <c>ObserverGrainId.SegmentSeparator</c>: an observer's key is its client's key, '+', its own id.</summary>
    private const byte ObserverSeparator = (byte)'+';

    /// <summary>The client id of the connection's preamble, once read.</summary>
    public GrainId? Client { get; private set; }

    /// <summary>
    /// Looks at the frame at the start of <paramref name="buffer"/>: its length once it is wholly there and passes
    /// (0 while more bytes are needed), or a refusal (reason, and the sentence the log carries). Decides on the
    /// lengths alone as soon as the prefix is in, so an oversized frame is refused before its body is buffered.
    /// </summary>
    public FrameVerdict Next(ReadOnlySequence<byte> buffer)
    {
        if (Client is not { } client)
            return Preamble(buffer);
        if (!MessageFrame.TryReadLengths(buffer, out var header, out var body))
            return FrameVerdict.NeedMore;
        if (header <= 0 || header > maxHeaderBytes || body < 0 || body > maxBodyBytes)
            return FrameVerdict.Refuse(GatewayRefusal.Oversized, $"a message frame announced a {header}-byte header and a {body}-byte body; the gateway accepts at most {maxHeaderBytes} and {maxBodyBytes}");
        long length = MessageFrame.PrefixLength + (long)header + body;
        if (buffer.Length < length)
            return FrameVerdict.NeedMore;
        var sender = MessageFrame.ReadSender(buffer.Slice(MessageFrame.PrefixLength, header), session);
        session.Reset();
        if (sender is not { } named)
            return FrameVerdict.Refuse(GatewayRefusal.Unreadable, "a message header could not be read");
        if (!SpeaksFor(named, client))
            return FrameVerdict.Refuse(GatewayRefusal.ForgedSource, $"a message names {named} as its sender, not this connection's client {client}");
        return FrameVerdict.Pass(length);
    }

    /// <summary>True when <paramref name="sender"/> is <paramref name="client"/> or one of its observers.</summary>
    public static bool SpeaksFor(GrainId sender, GrainId client)
    {
        if (!sender.Type.Equals(client.Type))
            return false;
        var key = sender.Key.AsSpan();
        var own = client.Key.AsSpan();
        return key.SequenceEqual(own) || (key.Length > own.Length + 1 && key.StartsWith(own) && key[own.Length] == ObserverSeparator);
    }

    private FrameVerdict Preamble(ReadOnlySequence<byte> buffer)
    {
        if (!preambles.TryRead(buffer, out var length, out var client))
            return FrameVerdict.NeedMore;
        if (client is null)
            return FrameVerdict.Refuse(GatewayRefusal.Unreadable, "its preamble names no client id");
        Client = client;
        return FrameVerdict.Pass(length);
    }
}
