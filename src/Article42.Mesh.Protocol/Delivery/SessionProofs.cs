using System.Security.Cryptography;
using System.Text;

namespace Article42.Mesh.Protocol;

/// <summary>Signing and checking session challenges with the participant's envelope key (ECDSA P-256/SHA-256).</summary>
public static class SessionProofs
{
    /// <summary>The proof for <paramref name="challenge"/>, signed with the participant's private key.</summary>
    public static SessionProof Create(SessionChallenge challenge, ECDsa key, bool consuming)
    {
        var signature = key.SignData(Bytes(challenge.Participant, challenge.Nonce, consuming), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return new SessionProof(challenge.Participant, challenge.Nonce, consuming, Convert.ToBase64String(signature));
    }

    /// <summary>True when the proof is signed by the registry key of its participant.</summary>
    public static bool IsSignedBy(SessionProof proof, ParticipantRegistry registry)
    {
        if (registry.Find(proof.Participant)?.PublicKey is not { } publicKey)
            return false;
        var signature = new byte[96];
        if (!Convert.TryFromBase64String(proof.Signature, signature, out var length))
            return false;
        using var key = ParticipantKeys.ImportPublicKey(publicKey);
        return key is not null && key.VerifyData(Bytes(proof.Participant, proof.Nonce, proof.Consuming), signature.AsSpan(0, length), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    /// <summary>The bytes a session proof signs.</summary>
    internal static byte[] SignedBytes(SessionProof proof) => Bytes(proof.Participant, proof.Nonce, proof.Consuming);

    // A domain prefix keeps a session proof from ever being valid as anything else the key signs.
    private static byte[] Bytes(string participant, string nonce, bool consuming) =>
        Encoding.UTF8.GetBytes($"a42-session/1\n{participant}\n{nonce}\n{(consuming ? "consuming" : "send-only")}");
}
