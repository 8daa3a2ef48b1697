using System.Security.Cryptography;

namespace Article42.Mesh.Gateway;

/// <summary>
/// The newest operator-signed registry document the gateway verified (issue #21) and the keys it names, each key
/// imported once, on its first use, and kept: a key id is the hash of its key, so an imported key stays right across
/// registry versions. Judges received messages against the key their acceptance recorded. Used by one loop at a time.
/// </summary>
internal sealed class HeldRegistry(ECDsa operatorKey) : IDisposable
{
    private const int SignatureBytes = 64;
    private readonly Dictionary<string, ECDsa> _imported = new(StringComparer.Ordinal);
    private Dictionary<string, (string Participant, string PublicKey)> _keys = [];
    private byte[]? _document;

    /// <summary>The registry applied; null until a document verified.</summary>
    public ParticipantRegistry? Current { get; private set; }

    /// <summary>Applies <paramref name="document"/> when it verifies and is newer; null when applied or the same as held, else why not (an <c>A42-REG</c> error).</summary>
    public MeshError? Apply(byte[] document)
    {
        if (_document is not null && document.AsSpan().SequenceEqual(_document))
            return null;
        var verdict = RegistryDocuments.Verify(document, operatorKey, Current?.Version ?? -1, "the mesh's registry document");
        if (verdict.Registry is not { } registry)
            return verdict.Error;
        var keys = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var participant in registry.Participants)
        {
            if (participant.PublicKey is { } current)
                keys[KeyId.Of(current)] = (participant.Id, current);
            foreach (var former in participant.FormerKeys)
                keys[former.Id] = (participant.Id, former.PublicKey);
        }
        (Current, _keys, _document) = (registry, keys, document);
        return null;
    }

    /// <summary>
    /// Null when <paramref name="message"/>'s signature verifies under the key its acceptance recorded (for a message
    /// without a key id: its sender's current key), whatever that key's state now: the mesh accepts nothing under a
    /// key it holds revoked, so a key revoked since signed the message while it was valid (docs/gateway-sdk.md). The
    /// signature is verified over the received bytes (the hash of the document's signed prefix, issue #18), or, from a
    /// silo that predates <see cref="InboxMessage.Document"/>, over the envelope's canonical encoding.
    /// <paramref name="intact"/>: false when the document did not decode strictly (<see cref="ReceivedDocuments"/>).
    /// </summary>
    public ReceivedRejection? Judge(InboxMessage message, bool intact)
    {
        var envelope = message.Envelope;
        var keyId = message.KeyId ?? (Current?.Find(envelope.From)?.PublicKey is { } current ? KeyId.Of(current) : null);
        if (keyId is null || !_keys.TryGetValue(keyId, out var key) || key.Participant != envelope.From)
            return ReceivedRejection.UnknownKey;
        Span<byte> signature = stackalloc byte[SignatureBytes + 3];
        if (!intact || string.IsNullOrEmpty(envelope.Signature) || !Convert.TryFromBase64String(envelope.Signature, signature, out var length) || length != SignatureBytes
            || SignedHash(message) is not { } hash)
            return ReceivedRejection.SignatureInvalid;
        return Imported(keyId, key.PublicKey).VerifyHash(hash, signature[..length], DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
            ? null
            : ReceivedRejection.SignatureInvalid;
    }

    private static byte[]? SignedHash(InboxMessage message) =>
        message.Document is { } document ? SignedDocuments.SignedHash(document)
        : EnvelopeCodec.TryCanonicalBytes(message.Envelope) is { } signed ? SHA256.HashData(signed)
        : null;

    public void Dispose()
    {
        foreach (var key in _imported.Values)
            key.Dispose();
        _imported.Clear();
    }

    private ECDsa Imported(string keyId, string publicKey)
    {
        if (!_imported.TryGetValue(keyId, out var key))
            _imported[keyId] = key = ParticipantKeys.ImportPublicKey(publicKey)!;
        return key;
    }
}
