namespace Article42.Mesh.Grains;

/// <summary>
/// Judges an operator request: signed by the operator key, for the operation asked, issued within
/// <see cref="OperatorProofs.Validity"/> of now, and its nonce never seen before (kept while it could still be valid).
/// </summary>
internal sealed class OperatorGate(OperatorKey key, TimeProvider time)
{
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    public MeshError? Check(OperatorProof proof, string operation)
    {
        if (key.PublicKey is not { } publicKey)
            return new MeshError(ErrorCodes.NoOperatorKey, "$", $"this silo has no {OperatorKey.FileName} in its keys directory, so it serves no operator requests");
        if (proof is null || proof.Operation != operation || !OperatorProofs.IsSignedBy(proof, publicKey))
            return new MeshError(ErrorCodes.OperatorProofInvalid, "$.signature", $"the {operation} request is not signed with the operator key");
        var now = time.GetUtcNow();
        foreach (var stale in _seen.Where(s => s.Value < now).Select(s => s.Key).ToList())
            _seen.Remove(stale);
        if ((proof.IssuedAt - now).Duration() > OperatorProofs.Validity)
            return new MeshError(ErrorCodes.OperatorProofStale, "$.issued_at", $"the request was issued at {proof.IssuedAt:O}, more than {OperatorProofs.Validity.TotalMinutes:0} min from the silo's clock ({now:O})");
        if (!_seen.TryAdd(proof.Nonce, proof.IssuedAt + OperatorProofs.Validity))
            return new MeshError(ErrorCodes.OperatorProofStale, "$.nonce", "this request was already served once (a replay)");
        return null;
    }
}
