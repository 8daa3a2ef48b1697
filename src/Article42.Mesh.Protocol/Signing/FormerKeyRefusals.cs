using System.Security.Cryptography;

namespace Article42.Mesh.Protocol;

/// <summary>
/// Names a former key (issue #21): asked only once a signature has failed against the participant's current key, it
/// tells a signature under one of its revoked keys, or a participant whose every key is revoked, from a mere forgery,
/// so that the refusal says <see cref="ErrorCodes.KeyRevoked"/>; and a signature under a key a rotation replaced
/// (<c>verify_only</c>), so that it says <see cref="ErrorCodes.SignedWithReplacedKey"/> and the gateway knows to sign
/// again once it reloads its new key, rather than give the message up.
/// </summary>
public static class FormerKeyRefusals
{
    /// <summary>True when <paramref name="keyId"/> is one of <paramref name="participant"/>'s revoked keys.</summary>
    public static bool IsRevoked(Participant participant, string? keyId)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return keyId is not null && participant.FormerKeys.Any(k => k.Id == keyId && k.State == KeyState.Revoked);
    }

    /// <summary>The refusal for an envelope signed under a former key of its sender, or from a sender with only revoked keys; null otherwise.</summary>
    public static MeshError? OfEnvelope(Envelope envelope, ParticipantRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(registry);
        if (registry.Find(envelope.From) is not { } sender || EnvelopeCodec.TryCanonicalBytes(envelope) is not { } signed)
            return null;
        return Judge(sender, signed, envelope.Signature);
    }

    /// <summary>The refusal for a document (<see cref="SignedDocument"/>) signed under a former key of its sender, or from a sender with only revoked keys; null otherwise.</summary>
    public static MeshError? OfDocument(SignedDocument document, ParticipantRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(registry);
        return registry.Find(document.Envelope.From) is { } sender ? Judge(sender, document.SignedBytes(), document.Envelope.Signature) : null;
    }

    /// <summary>The refusal for a session proof signed under a former key, or by a participant with only revoked keys; null otherwise.</summary>
    public static MeshError? OfSession(SessionProof proof, ParticipantRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(registry);
        return registry.Find(proof.Participant) is { } participant
            ? Judge(participant, SessionProofs.SignedBytes(proof), proof.Signature)
            : null;
    }

    private static MeshError? Judge(Participant participant, byte[] data, string? signatureText)
    {
        if (participant.PublicKey is null && participant.FormerKeys.Any(k => k.State == KeyState.Revoked))
            return Revoked($"every key of '{participant.Id}' is revoked");
        var former = participant.FormerKeys;
        if (former.IsEmpty)
            return null;
        var signature = new byte[96];
        if (signatureText is null || !Convert.TryFromBase64String(signatureText, signature, out var length))
            return null;
        foreach (var key in former)
        {
            using var publicKey = ParticipantKeys.ImportPublicKey(key.PublicKey);
            if (publicKey is null || !publicKey.VerifyData(data, signature.AsSpan(0, length), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
                continue;
            return key.State == KeyState.Revoked
                ? Revoked($"signed with key {key.Id} of '{participant.Id}', which the operator has revoked")
                : new MeshError(ErrorCodes.SignedWithReplacedKey, "$.signature",
                    $"signed with key {key.Id} of '{participant.Id}', which a rotation replaced: nothing new is accepted under it; sign with the current key");
        }
        return null;
    }

    private static MeshError Revoked(string message) => new(ErrorCodes.KeyRevoked, "$.signature", message);
}
