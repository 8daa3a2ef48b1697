using System.Buffers;
using System.Buffers.Binary;
using Orleans.Serialization.Buffers;
using Orleans.Serialization.Session;

namespace Article42.Mesh.Hosting.Connections;

/// <summary>
/// The two things the gateway reads from an Orleans message frame before Orleans does: its lengths and its sender.
/// A frame is an 8-byte prefix (header length, body length: little-endian int32s), the header, the body; the header
/// starts with the packed flags (uint32), the correlation id (int64), then the sending grain as two id spans (type,
/// key), each a varint length and, when not empty, an int32 hash and the bytes (Orleans' <c>MessageSerializer</c> and
/// <c>IdSpanCodec</c>, docs/design/orleans.md). The rest of the header and the body are left to Orleans.
/// </summary>
internal static class MessageFrame
{
    /// <summary>Orleans' <c>Message.LENGTH_HEADER_SIZE</c>.</summary>
    public const int PrefixLength = 2 * sizeof(int);

    /// <summary>Longer grain type or key bytes than any the mesh or Orleans makes: a sender this long is not a client's.</summary>
    private const int MaxIdBytes = 1024;

    /// <summary>False while the 8-byte prefix is not wholly in <paramref name="buffer"/>.</summary>
    public static bool TryReadLengths(ReadOnlySequence<byte> buffer, out int header, out int body)
    {
        header = body = 0;
        if (buffer.Length < PrefixLength)
            return false;
        Span<byte> prefix = stackalloc byte[PrefixLength];
        buffer.Slice(0, PrefixLength).CopyTo(prefix);
        header = BinaryPrimitives.ReadInt32LittleEndian(prefix);
        body = BinaryPrimitives.ReadInt32LittleEndian(prefix[sizeof(int)..]);
        return true;
    }

    /// <summary>
    /// The sending grain named by <paramref name="header"/> (the header bytes, after the prefix), with each id span's
    /// hash as sent; null when the header ends early or an id span's hash is not the one Orleans computes for its bytes.
    /// </summary>
    public static GrainId? ReadSender(ReadOnlySequence<byte> header, SerializerSession session)
    {
        try
        {
            var reader = Reader.Create(header, session);
            reader.ReadUInt32(); // packed flags
            reader.ReadInt64(); // correlation id
            if (ReadIdSpan(ref reader) is not { } type || ReadIdSpan(ref reader) is not { } key)
                return null;
            return GrainId.Create(new GrainType(type), key);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException
            or Orleans.Serialization.SerializerException or EndOfStreamException)
        {
            return null;
        }
    }

    private static IdSpan? ReadIdSpan<TInput>(ref Reader<TInput> reader)
    {
        var length = reader.ReadVarUInt32();
        if (length == 0)
            return default(IdSpan);
        if (length > MaxIdBytes)
            return null;
        var hash = reader.ReadInt32();
        var span = new IdSpan(reader.ReadBytes(length));
        return span.GetHashCode() == hash ? span : null;
    }
}
