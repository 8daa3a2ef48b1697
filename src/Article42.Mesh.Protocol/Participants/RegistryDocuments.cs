using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Article42.Mesh.Protocol;

/// <summary>
/// Signing and verifying registry documents with the operator key (ECDSA P-256/SHA-256, IEEE P1363, base64). The
/// signature covers <c>a42-registry/1\n</c> and the canonical form of the document without its signature: compact
/// JSON in the protocol's contract order, as the verifier re-encodes it, so whitespace and member order in a file do
/// not matter but every value does (docs/operations/security.md, "Key lifecycle").
/// </summary>
public static class RegistryDocuments
{
    private const int SignatureBytes = 64;

    // A domain prefix keeps a registry signature from ever being valid as an operator proof, or the reverse.
    private static readonly byte[] Domain = Encoding.UTF8.GetBytes("a42-registry/1\n");

    /// <summary>The bytes the operator signs: the domain prefix and the canonical form of <paramref name="document"/> without its signature.</summary>
    public static byte[] SignedBytes(RegistryDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return [.. Domain, .. JsonSerializer.SerializeToUtf8Bytes(document with { Signature = null }, MeshJsonContext.Default.RegistryDocument)];
    }

    /// <summary><paramref name="document"/> signed with <paramref name="operatorKey"/>.</summary>
    public static RegistryDocument Sign(RegistryDocument document, ECDsa operatorKey)
    {
        ArgumentNullException.ThrowIfNull(operatorKey);
        var signature = operatorKey.SignData(SignedBytes(document), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return document with { Signature = Convert.ToBase64String(signature) };
    }

    /// <summary>The document as compact UTF-8 JSON, the form the journal stores and the mesh passes on.</summary>
    public static byte[] Encode(RegistryDocument document) =>
        JsonSerializer.SerializeToUtf8Bytes(document, MeshJsonContext.Default.RegistryDocument);

    /// <summary>
    /// The signed document <paramref name="registry"/> was read from, as compact UTF-8 JSON (the form a gateway checks
    /// with <see cref="Verify"/>); null when that document was unsigned. The registry keeps every signed value as read,
    /// and the signature covers the canonical re-encoding, so this verifies exactly when the document read did.
    /// </summary>
    public static byte[]? SignedOf(ParticipantRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.Signature is { } signature ? Encode(registry.ToDocument() with { Signature = signature }) : null;
    }

    /// <summary>The document as indented JSON, the form of a trust store's <c>registry.json</c>.</summary>
    public static string ToJson(RegistryDocument document) => EnvelopeCodec.Indent(Encode(document));

    /// <summary>
    /// Reads a registry update strictly: it must be well-formed (<see cref="ErrorCodes.RegistryMalformed"/>), carry
    /// a version, be signed (<see cref="ErrorCodes.RegistryUnsigned"/>) by <paramref name="operatorPublicKey"/>
    /// (<see cref="ErrorCodes.RegistrySignatureInvalid"/>) and be newer than <paramref name="appliedVersion"/>
    /// (<see cref="ErrorCodes.RegistryNotNewer"/>). Never throws for any input.
    /// </summary>
    public static RegistryVerdict Verify(ReadOnlyMemory<byte> utf8, ECDsa operatorPublicKey, long appliedVersion, string source = "registry update")
    {
        ArgumentNullException.ThrowIfNull(operatorPublicKey);
        var decoded = StrictJson.Decode(utf8, MeshJsonContext.Default.RegistryDocument);
        if (decoded is not { IsSuccess: true, Value: { } document })
        {
            var first = decoded.Errors[0];
            return RegistryVerdict.Refused(ErrorCodes.RegistryMalformed, first.Path, $"not a registry document: {first.Code} {first.Message}");
        }
        if (document.Version is not { } version)
            return RegistryVerdict.Refused(ErrorCodes.RegistryMalformed, "$.version", "no version: an unversioned registry is a local file from before issue 21, never an update");
        if (string.IsNullOrEmpty(document.Signature))
            return RegistryVerdict.Refused(ErrorCodes.RegistryUnsigned, "$.signature", "the registry document is not signed");
        var signature = new byte[SignatureBytes + 3];
        if (!Convert.TryFromBase64String(document.Signature, signature, out var length) || length != SignatureBytes
            || !operatorPublicKey.VerifyData(SignedBytes(document), signature.AsSpan(0, length), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            return RegistryVerdict.Refused(ErrorCodes.RegistrySignatureInvalid, "$.signature", "the registry document is not signed by the operator key this silo trusts");
        if (version <= appliedVersion)
            return RegistryVerdict.Refused(ErrorCodes.RegistryNotNewer, "$.version", $"version {version} is not newer than the applied version {appliedVersion}");
        try
        {
            return new RegistryVerdict(ParticipantRegistry.FromDocument(document, source), null);
        }
        catch (RegistryException ex)
        {
            return RegistryVerdict.Refused(ErrorCodes.RegistryMalformed, "$.participants", ex.Message);
        }
    }
}
