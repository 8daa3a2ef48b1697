using System.Security.Cryptography;
using System.Text;

namespace Article42.Mesh.Grains;

/// <summary>
/// Judges an operator request: signed by the operator key, for the operation asked, issued within
/// <see cref="OperatorProofs.Validity"/> of now, and its nonce never seen before. Spent nonces are claimed in the
/// journal (as <c>operator-nonce/&lt;nonce&gt;</c> in the message-id table), not kept in memory, so neither a
/// deactivation of the admin grain nor a silo restart makes a used proof valid again.
/// </summary>
internal sealed class OperatorGate(OperatorKey key, IMessageJournal journal, TimeProvider time)
{
    public const string NonceClaimPrefix = "operator-nonce/";
    private const string Owner = "operator";

    public async Task<MeshError?> CheckAsync(OperatorProof proof, string operation)
    {
        if (key.PublicKey is not { } publicKey)
            return new MeshError(ErrorCodes.NoOperatorKey, "$", $"this silo has no {OperatorKey.FileName} in its keys directory, so it serves no operator requests");
        if (proof is null || proof.Operation != operation || !OperatorProofs.IsSignedBy(proof, publicKey))
            return new MeshError(ErrorCodes.OperatorProofInvalid, "$.signature", $"the {operation} request is not signed with the operator key");
        var now = time.GetUtcNow();
        if ((proof.IssuedAt - now).Duration() > OperatorProofs.Validity)
            return new MeshError(ErrorCodes.OperatorProofStale, "$.issued_at", $"the request was issued at {proof.IssuedAt:O}, more than {OperatorProofs.Validity.TotalMinutes:0} min from the silo's clock ({now:O})");
        // Only a correctly signed request gets this far, so only the operator key can add claims.
        var claim = await journal.ClaimMessageIdAsync(NonceClaimPrefix + proof.Nonce, Owner, SHA256.HashData(Encoding.UTF8.GetBytes(proof.Nonce)));
        return claim is ClaimResult.Claimed
            ? null
            : new MeshError(ErrorCodes.OperatorProofStale, "$.nonce", "this request was already served once (a replay)");
    }
}
