using System.Buffers;
using System.Text.Json;

namespace Article42.Mesh.Protocol;

/// <summary>
/// Tells whether received bytes are the canonical form of the envelope they decoded to, without making a copy of that
/// form: the serializer writes the envelope into this sink, which compares each chunk with the received bytes instead
/// of keeping it. It costs the serializer's pass, not an array of the envelope's size (issue #18).
/// </summary>
internal sealed class CanonicalComparer : IBufferWriter<byte>, IDisposable
{
    private readonly ReadOnlyMemory<byte> _expected;
    private byte[] _scratch;
    private int _position;
    private bool _differs;

    private CanonicalComparer(ReadOnlyMemory<byte> expected)
    {
        _expected = expected;
        _scratch = ArrayPool<byte>.Shared.Rent(4096);
    }

    /// <summary>True when <paramref name="bytes"/> are exactly the canonical form of <paramref name="envelope"/>'s schema version.</summary>
    public static bool IsCanonical(Envelope envelope, ReadOnlyMemory<byte> bytes)
    {
        CodecMeter.CanonicalChecked();
        var contract = CanonicalForms.EnvelopeContract(envelope.SchemaVersion);
        using var comparer = new CanonicalComparer(bytes);
        try
        {
            // The writer's options are those the serializer gives its own writer when it encodes (the contract's escaping).
            using (var writer = new Utf8JsonWriter(comparer, new JsonWriterOptions { Encoder = contract.Options.Encoder, SkipValidation = true }))
                JsonSerializer.Serialize(writer, envelope, contract);
        }
        catch (ArgumentException)
        {
            // A lone surrogate has no canonical form (the strict decoder refuses one first).
            return false;
        }
        return !comparer._differs && comparer._position == bytes.Length;
    }

    public void Advance(int count)
    {
        if (!_differs && (_position + count > _expected.Length || !_scratch.AsSpan(0, count).SequenceEqual(_expected.Span.Slice(_position, count))))
            _differs = true;
        _position += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        if (sizeHint > _scratch.Length)
        {
            ArrayPool<byte>.Shared.Return(_scratch);
            _scratch = ArrayPool<byte>.Shared.Rent(sizeHint);
        }
        return _scratch;
    }

    public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

    public void Dispose() => ArrayPool<byte>.Shared.Return(_scratch);
}
