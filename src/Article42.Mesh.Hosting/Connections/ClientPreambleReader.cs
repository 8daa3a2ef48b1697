using System.Buffers;
using System.Buffers.Binary;
using Article42.Mesh.Hosting.Tls;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;

namespace Article42.Mesh.Hosting.Connections;

/// <summary>
/// Reads the client id from the first frame of a gateway connection, Orleans' connection preamble: a 4-byte
/// little-endian length (at most <see cref="ClientPreamble.MaxLength"/>), then the serialized preamble
/// (docs/design/orleans.md, "What the gateway connection guard relies on").
/// </summary>
internal sealed partial class ClientPreambleReader(Serializer<ClientPreamble> preambles, ILogger<ClientPreambleReader> logger)
{
    private const int LengthPrefix = sizeof(int);

    /// <summary>
    /// False while the preamble is not wholly in <paramref name="buffer"/>. True once it is decided: <paramref name="client"/>
    /// is the client id it names, or null when it names none (a silo's id, garbage, a length out of bounds); <paramref name="length"/>
    /// is then the preamble's size in bytes, prefix included.
    /// </summary>
    public bool TryRead(ReadOnlySequence<byte> buffer, out long length, out GrainId? client)
    {
        length = 0;
        client = null;
        if (buffer.Length < LengthPrefix)
            return false;
        Span<byte> prefix = stackalloc byte[LengthPrefix];
        buffer.Slice(0, LengthPrefix).CopyTo(prefix);
        var body = BinaryPrimitives.ReadInt32LittleEndian(prefix);
        if (body is <= 0 or > ClientPreamble.MaxLength)
            return true;
        if (buffer.Length < LengthPrefix + body)
            return false;
        length = LengthPrefix + body;
        try
        {
            if (preambles.Deserialize(buffer.Slice(LengthPrefix, body)) is { } preamble && preamble.NodeIdentity.IsClient())
                client = preamble.NodeIdentity;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogUnreadable(logger, ex);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A gateway connection's preamble could not be read; the connection is closed")]
    private static partial void LogUnreadable(ILogger logger, Exception exception);
}
