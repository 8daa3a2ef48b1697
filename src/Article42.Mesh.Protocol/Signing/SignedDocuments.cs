using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace Article42.Mesh.Protocol;

/// <summary>
/// A silo's edge for signed envelopes (issue #18): bytes a gateway submitted are decoded strictly once, checked to be
/// the canonical form of their schema version, and kept as they came; the signed bytes are found inside them, since
/// <c>trace</c> and <c>signature</c> are the last two members (schemas/canonical-json.md §6), so the signature is
/// verified over exactly the bytes received, never over a re-encoding.
/// </summary>
public static class SignedDocuments
{
    /// <summary>
    /// The envelope in <paramref name="bytes"/>, or why not: no bytes (<see cref="ErrorCodes.MalformedJson"/>), more than
    /// the limit before anything is decoded (<see cref="ErrorCodes.EncodedTooLarge"/>), every error of the strict decode,
    /// or bytes that decode but are not the canonical form (<see cref="ErrorCodes.NotCanonical"/>). The signature is not
    /// checked here (<see cref="EnvelopeSignatures.Verify(SignedDocument, ParticipantRegistry)"/>).
    /// </summary>
    public static DecodeResult<SignedDocument> Read(byte[]? bytes)
    {
        if (bytes is null || bytes.Length == 0)
            return DecodeResult<SignedDocument>.Failed(ErrorCodes.MalformedJson, "$", "no bytes: an empty document is not an envelope");
        if (bytes.Length > Limits.EnvelopeBytes)
            return DecodeResult<SignedDocument>.Failed(ErrorCodes.EncodedTooLarge, "$",
                $"{bytes.Length} bytes is more than the limit of {Limits.EnvelopeBytes}; refused before decoding");
        var decoded = EnvelopeCodec.Decode(bytes);
        if (decoded is not { IsSuccess: true, Value: { } envelope })
            return DecodeResult<SignedDocument>.Failed(decoded.Errors);
        // An unaccepted schema version has no canonical form to compare with: validation refuses it with its own code.
        if (SchemaVersions.Accepted.Contains(envelope.SchemaVersion) && !CanonicalComparer.IsCanonical(envelope, bytes))
            return DecodeResult<SignedDocument>.Failed(ErrorCodes.NotCanonical, "$",
                $"the bytes decode to an envelope but are not its canonical form of schema version {envelope.SchemaVersion} (whitespace, member order, escaping, time or number spelling; schemas/canonical-json.md): the mesh stores and verifies exactly the bytes it receives");
        return new DecodeResult<SignedDocument>(new SignedDocument(envelope, bytes, SignedHash(bytes)), []);
    }

    /// <summary>
    /// The document of an envelope a gateway handed over as a value (the interface's first version): encoded once, here,
    /// and from then on the same as one received as bytes. Null when a text holds a lone surrogate (no canonical form).
    /// </summary>
    public static SignedDocument? Of(Envelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return EnvelopeCodec.TryEncode(envelope) is { } bytes ? new SignedDocument(envelope, bytes, SignedHash(bytes)) : null;
    }

    /// <summary>
    /// Signs <paramref name="envelope"/> with <paramref name="key"/> and writes its document with one encode (issue #18):
    /// the signed bytes are encoded and signed, then the <c>trace</c> and <c>signature</c> members are appended to them
    /// as the canonical form writes them (schemas/canonical-json.md §6), so the document is the envelope's canonical
    /// bytes without a second pass over the envelope.
    /// </summary>
    /// <exception cref="ArgumentException">A string holds a lone surrogate (no canonical form).</exception>
    public static SignedDocument Sign(Envelope envelope, ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(key);
        var signed = EnvelopeCodec.CanonicalBytes(envelope);
        var hash = SHA256.HashData(signed);
        var signature = Convert.ToBase64String(key.SignHash(hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        var document = new ArrayBufferWriter<byte>(signed.Length + 256);
        document.Write(signed.AsSpan(0, signed.Length - 1));
        if (envelope.Trace is { } trace)
        {
            document.Write(",\"trace\":"u8);
            document.Write(JsonSerializer.SerializeToUtf8Bytes(trace, CanonicalForms.TraceContract(envelope.SchemaVersion)));
        }
        document.Write(",\"signature\":\""u8);
        // Base64's '+' is escaped in the 1.0.0 form: the signature is written in the version's escaping like any string.
        document.Write(JsonEncodedText.Encode(signature, CanonicalForms.Escaping(envelope.SchemaVersion)).EncodedUtf8Bytes);
        document.Write("\"}"u8);
        return new SignedDocument(envelope with { Signature = signature }, document.WrittenSpan.ToArray(), hash);
    }

    /// <summary>SHA-256 of the signed bytes inside a canonical document: the document up to its <c>trace</c> or <c>signature</c> member, then <c>}</c>.</summary>
    public static byte[] SignedHash(ReadOnlySpan<byte> document)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(document[..SignedLength(document)]);
        hash.AppendData("}"u8);
        return hash.GetHashAndReset();
    }

    /// <summary>The signed bytes inside a canonical document, copied.</summary>
    internal static byte[] SignedPart(ReadOnlySpan<byte> document) => [.. document[..SignedLength(document)], (byte)'}'];

    /// <summary>How many bytes of the document precede its <c>trace</c> or <c>signature</c> member (the comma before it excluded).</summary>
    private static int SignedLength(ReadOnlySpan<byte> document)
    {
        var reader = new Utf8JsonReader(document, new JsonReaderOptions { MaxDepth = Limits.JsonDepth });
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth != 1)
                    continue;
                if (reader.TokenType == JsonTokenType.PropertyName && (reader.ValueTextEquals("trace"u8) || reader.ValueTextEquals("signature"u8)))
                    return Math.Max(1, (int)reader.TokenStartIndex - 1);
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not a document (a damaged stored row): its "signed bytes" are all of it, which no signature or claim matches.
        }
        return Math.Max(0, document.Length - 1);
    }
}
