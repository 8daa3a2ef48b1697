using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Article42.Mesh.Protocol;

/// <summary>
/// The JSON codec of envelopes: strict on the way in (every error, never an exception), deterministic on the
/// way out. An envelope is written in the canonical form its <c>schema_version</c> selects (schemas/canonical-json.md);
/// the bytes that signatures cover are that form without signature and trace.
/// </summary>
public static class EnvelopeCodec
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    /// <summary>
    /// The canonical form of the envelope's schema version: compact UTF-8 JSON, fixed field order, no whitespace, nulls
    /// left out. These are the bytes the mesh stores and the size limit counts.
    /// </summary>
    /// <exception cref="ArgumentException">A string holds a lone surrogate, which no UTF-8 text can carry (schema 1.1.0 on).</exception>
    public static byte[] Encode(Envelope envelope)
    {
        CodecMeter.Encoded();
        return JsonSerializer.SerializeToUtf8Bytes(envelope, CanonicalForms.EnvelopeContract(envelope.SchemaVersion));
    }

    /// <summary>
    /// <see cref="Encode"/>, or null when a string of the envelope holds a lone surrogate (half of a UTF-16 pair):
    /// such text has no canonical form, and a silo refuses it rather than store a replacement character.
    /// </summary>
    public static byte[]? TryEncode(Envelope envelope)
    {
        try
        {
            return Encode(envelope);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The same document indented, for people.</summary>
    public static string EncodeIndented(Envelope envelope) => Indent(Encode(envelope));

    /// <summary>The bytes the originator signs: everything but the signature and the trace context.</summary>
    /// <exception cref="ArgumentException">A string holds a lone surrogate (see <see cref="Encode"/>).</exception>
    public static byte[] CanonicalBytes(Envelope envelope) => Encode(Unsigned(envelope));

    /// <summary><see cref="CanonicalBytes"/>, or null when a string holds a lone surrogate (see <see cref="TryEncode"/>).</summary>
    public static byte[]? TryCanonicalBytes(Envelope envelope) => TryEncode(Unsigned(envelope));

    private static Envelope Unsigned(Envelope envelope) => envelope with { Signature = null, Trace = null };

    /// <summary>Decodes an envelope, typing its payload by its kind.</summary>
    public static DecodeResult<Envelope> Decode(ReadOnlyMemory<byte> utf8)
    {
        CodecMeter.Decoded();
        var result = StrictJson.Decode(utf8, MeshJsonContext.Default.Envelope, BodyTypeOf);
        if (result is not { IsSuccess: true, Value: { Payload: UnresolvedBody raw } envelope })
            return result;
        var bodyInfo = MeshJsonContext.Default.GetTypeInfo(MessageCatalogue.Of(envelope.Kind).BodyType)!;
        try
        {
            return new DecodeResult<Envelope>(envelope with { Payload = (MessageBody?)raw.Element.Deserialize(bodyInfo) }, []);
        }
        catch (JsonException ex)
        {
            return DecodeResult<Envelope>.Failed(ErrorCodes.WrongType, "$.payload" + (ex.Path ?? "$")[1..], "value has the wrong type or format");
        }
    }

    /// <summary>
    /// <paramref name="skeleton"/> with its payload replaced by <paramref name="payload"/> (untyped JSON, e.g. an operator's
    /// <c>--body</c> or a scenario's template), decoded strictly: unknown, missing and mistyped fields come back with paths
    /// under <c>$.payload</c>. The document is written in the skeleton's canonical form before it is decoded, so the size
    /// limit counts the bytes the mesh would store, not a needlessly escaped copy of them.
    /// </summary>
    public static DecodeResult<Envelope> DecodeWithPayload(Envelope skeleton, JsonObject payload)
    {
        ArgumentNullException.ThrowIfNull(skeleton);
        ArgumentNullException.ThrowIfNull(payload);
        var document = JsonNode.Parse(Encode(skeleton))!.AsObject();
        document["payload"] = payload.DeepClone();
        using var buffer = new MemoryStream();
        try
        {
            using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = CanonicalForms.Escaping(skeleton.SchemaVersion) });
            document.WriteTo(writer);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // The canonical escaping writes no replacement character for a lone surrogate: such text has no canonical form.
            return DecodeResult<Envelope>.Failed(ErrorCodes.MalformedJson, "$.payload", "a string holds a lone surrogate, which is not valid text");
        }
        return Decode(buffer.ToArray());
    }

    /// <summary>Decodes an envelope from text.</summary>
    public static DecodeResult<Envelope> Decode(string json) => Decode(Encoding.UTF8.GetBytes(json));

    /// <summary>Re-indents any JSON document for display.</summary>
    public static string Indent(ReadOnlySpan<byte> utf8)
    {
        using var document = JsonDocument.Parse(utf8.ToArray());
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Indented))
            document.WriteTo(writer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static Type? BodyTypeOf(JsonElement root)
    {
        if (!root.TryGetProperty("kind", out var kind) || kind.ValueKind != JsonValueKind.String)
            return null;
        var name = kind.GetString();
        return MessageCatalogue.All.FirstOrDefault(info => KindName(info.Kind) == name)?.BodyType;
    }

    /// <summary>The wire name of a kind, e.g. <c>INVOCATION_ACK</c>.</summary>
    public static string KindName(MessageKind kind) => WireName(kind);

    /// <summary>The wire name of any protocol enum value, e.g. <c>FLASH</c>, <c>exercise</c>.</summary>
    public static string WireName<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonSerializer.Serialize(value, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<TEnum>)MeshJsonContext.Default.GetTypeInfo(typeof(TEnum))!).Trim('"');
}
