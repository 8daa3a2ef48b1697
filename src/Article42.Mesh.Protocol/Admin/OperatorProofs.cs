using System.Security.Cryptography;
using System.Text;

namespace Article42.Mesh.Protocol;

/// <summary>Signing and checking operator requests with the operator key (ECDSA P-256/SHA-256, <c>operator.pem</c>).</summary>
public static class OperatorProofs
{
    /// <summary>How far a request's time may be from the silo's clock, either way.</summary>
    public static readonly TimeSpan Validity = TimeSpan.FromMinutes(2);

    /// <summary>The operation of <c>a42 trace</c>: the life of one message (the argument is its id).</summary>
    public const string Trace = "trace";
    /// <summary>The operation of <c>a42 status</c>: the state of the mesh (no argument).</summary>
    public const string Status = "status";
    /// <summary>The operation that reads the newest registry document the mesh holds (no argument; issue #21).</summary>
    public const string ReadRegistry = "registry";
    /// <summary>The operation that publishes a registry document; the argument is <see cref="DocumentDigest"/> of the document, so the proof covers it.</summary>
    public const string PublishRegistry = "publish-registry";
    /// <summary>The operation that reads one activation's summary (issue 22, the exercise report against a cluster); the argument is the activation id.</summary>
    public const string ActivationSummary = "activation-summary";

    /// <summary>A fresh proof for <paramref name="operation"/> on <paramref name="argument"/>, issued at <paramref name="now"/> with a random nonce and signed with <paramref name="operatorKey"/>.</summary>
    public static OperatorProof Create(string operation, string argument, ECDsa operatorKey, DateTimeOffset now)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        var issued = UtcMillisecondsConverter.Normalize(now);
        var signature = operatorKey.SignData(Bytes(operation, argument, issued, nonce), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return new OperatorProof(operation, argument, issued, nonce, Convert.ToBase64String(signature));
    }

    /// <summary>True when <paramref name="proof"/> is signed by <paramref name="operatorPublicKey"/> (freshness and replay are the silo's to judge).</summary>
    public static bool IsSignedBy(OperatorProof proof, ECDsa operatorPublicKey)
    {
        var signature = new byte[96];
        return proof.Signature is not null && proof.Operation is not null && proof.Argument is not null && proof.Nonce is not null
            && Convert.TryFromBase64String(proof.Signature, signature, out var length)
            && operatorPublicKey.VerifyData(Bytes(proof.Operation, proof.Argument, proof.IssuedAt, proof.Nonce), signature.AsSpan(0, length), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    /// <summary>
    /// The argument of a <see cref="PublishRegistry"/> proof: the lower-case hex SHA-256 of the document's bytes as sent.
    /// The proof signs it, so a captured proof cannot publish any other document.
    /// </summary>
    public static string DocumentDigest(ReadOnlySpan<byte> document) => Convert.ToHexStringLower(SHA256.HashData(document));

    // A domain prefix keeps an operator proof from ever being valid as anything else the key signs.
    private static byte[] Bytes(string operation, string argument, DateTimeOffset issuedAt, string nonce) =>
        Encoding.UTF8.GetBytes($"a42-operator/1\n{operation}\n{argument}\n{issuedAt.ToUnixTimeMilliseconds()}\n{nonce}");
}
