using System.Security.Cryptography;

namespace Article42.Mesh.Protocol;

/// <summary>
/// ECDSA P-256/SHA-256 signatures (IEEE P1363, base64) over <see cref="EnvelopeCodec.CanonicalBytes"/>, the canonical
/// form the envelope's <c>schema_version</c> selects (schemas/canonical-json.md §6), as the verifier re-encodes it: so a
/// 1.0.0 envelope verifies over its escaped form. A change to any signed field, or to one byte of the signature,
/// fails verification.
/// </summary>
public static class EnvelopeSignatures
{
    private const int SignatureBytes = 64;

    /// <summary>The envelope with its signature set by <paramref name="key"/>.</summary>
    public static Envelope Sign(Envelope envelope, ECDsa key)
    {
        var signature = key.SignData(EnvelopeCodec.CanonicalBytes(envelope), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return envelope with { Signature = Convert.ToBase64String(signature) };
    }

    /// <summary>Null when the envelope is signed by the registry key of its <c>from</c>; otherwise why not.</summary>
    public static MeshError? Verify(Envelope envelope, ParticipantRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (Unverifiable(envelope, registry, out var signature, out var publicKey) is { } error)
            return error;
        // Text with a lone surrogate has no canonical form, so nothing a signature could cover.
        if (EnvelopeCodec.TryCanonicalBytes(envelope) is not { } signed)
            return new MeshError(ErrorCodes.ForbiddenCharacter, "$", "a text holds a lone surrogate (half of a UTF-16 pair), which has no canonical form to verify");
        return registry.VerifyingKeys.Verify(publicKey, signed, signature) ? null : Mismatch(envelope);
    }

    /// <summary>
    /// Null when the document's signed bytes, as received (<see cref="SignedDocument.SignedHash"/>), are signed by the
    /// registry key of its <c>from</c>; otherwise why not. Nothing is encoded (issue #18).
    /// </summary>
    public static MeshError? Verify(SignedDocument document, ParticipantRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (Unverifiable(document.Envelope, registry, out var signature, out var publicKey) is { } error)
            return error;
        return registry.VerifyingKeys.VerifyHash(publicKey, document.SignedHash, signature) ? null : Mismatch(document.Envelope);
    }

    private static MeshError? Unverifiable(Envelope envelope, ParticipantRegistry registry, out byte[] signature, out string publicKey)
    {
        signature = [];
        publicKey = "";
        if (string.IsNullOrEmpty(envelope.Signature))
            return new MeshError(ErrorCodes.SignatureMissing, "$.signature", "the envelope is not signed");
        var buffer = new byte[SignatureBytes + 3];
        // Only the canonical base64 spelling is accepted, so a signature has one text form (no spare padding bits).
        if (!Convert.TryFromBase64String(envelope.Signature, buffer, out var length) || length != SignatureBytes
            || Convert.ToBase64String(buffer, 0, length) != envelope.Signature)
            return new MeshError(ErrorCodes.SignatureMalformed, "$.signature", $"not a base64 {SignatureBytes}-byte P-256 signature");
        if (registry.Find(envelope.From)?.PublicKey is not { } key)
            return new MeshError(ErrorCodes.SignerHasNoKey, "$.from", $"the registry holds no public key for '{ValidationContext.Truncate(envelope.From)}'");
        signature = buffer[..length];
        publicKey = key;
        return null;
    }

    private static MeshError Mismatch(Envelope envelope) =>
        new(ErrorCodes.SignatureInvalid, "$.signature", $"the signature does not match the envelope and the key of '{envelope.From}'");
}
