using System.Security.Cryptography;

namespace Article42.Mesh.Protocol;

/// <summary>
/// Names a revoked key (issue #21): asked only once a signature has failed against the participant's current key, it
/// tells a signature under one of its revoked keys, or a participant whose every key is revoked, from a mere forgery,
/// so that the refusal says <see cref="ErrorCodes.KeyRevoked"/>.
/// </summary>
public static class KeyRevocation
{
    /// <summary>True when <paramref name="keyId"/> is one of <paramref name="participant"/>'s revoked keys.</summary>
    public static bool IsRevoked(Participant participant, string? keyId)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return keyId is not null && participant.FormerKeys.Any(k => k.Id == keyId && k.State == KeyState.Revoked);
    }

    /// <summary>The refusal for an envelope signed under a revoked key of its sender, or from a sender with only revoked keys; null otherwise.</summary>
    public static MeshError? OfEnvelope(Envelope envelope, ParticipantRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(registry);
        if (registry.Find(envelope.From) is not { } sender || EnvelopeCodec.TryCanonicalBytes(envelope) is not { } signed)
            return null;
        return Judge(sender, signed, envelope.Signature, "$.signature");
    }

    /// <summary>The refusal for a document (<see cref="SignedDocument"/>) signed under a revoked key of its sender, or from a sender with only revoked keys; null otherwise.</summary>
    public static MeshError? OfDocument(SignedDocument document, ParticipantRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(registry);
        return registry.Find(document.Envelope.From) is { } sender ? Judge(sender, document.SignedBytes(), document.Envelope.Signature, "$.signature") : null;
    }

    /// <summary>The refusal for a session proof signed under a revoked key, or by a participant with only revoked keys; null otherwise.</summary>
    public static MeshError? OfSession(SessionProof proof, ParticipantRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(registry);
        return registry.Find(proof.Participant) is { } participant
            ? Judge(participant, SessionProofs.SignedBytes(proof), proof.Signature, "$.signature")
            : null;
    }

    private static MeshError? Judge(Participant participant, byte[] data, string? signatureText, string path)
    {
        var revoked = participant.FormerKeys.Where(k => k.State == KeyState.Revoked).ToList();
        if (revoked.Count == 0)
            return null;
        if (participant.PublicKey is null)
            return Refusal(path, $"every key of '{participant.Id}' is revoked");
        var signature = new byte[96];
        if (signatureText is null || !Convert.TryFromBase64String(signatureText, signature, out var length))
            return null;
        foreach (var key in revoked)
        {
            using var publicKey = ParticipantKeys.ImportPublicKey(key.PublicKey);
            if (publicKey is not null && publicKey.VerifyData(data, signature.AsSpan(0, length), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
                return Refusal(path, $"signed with key {key.Id} of '{participant.Id}', which the operator has revoked");
        }
        return null;
    }

    private static MeshError Refusal(string path, string message) => new(ErrorCodes.KeyRevoked, path, message);
}
