namespace Article42.Mesh.Protocol;

/// <summary>
/// A key a participant held before its current one (issue #21): kept in the registry so that what it signed can still
/// be checked (<see cref="KeyState.VerifyOnly"/>) or so that its use is refused by name (<see cref="KeyState.Revoked"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("a42.participant-key")]
public sealed record ParticipantKey
{
    /// <summary>The key's id, <see cref="KeyId.Of"/> of <see cref="PublicKey"/> (checked when the registry is built).</summary>
    [Id(0), JsonRequired] public string Id { get; init; } = "";
    /// <summary>Base64 SubjectPublicKeyInfo (DER) of the ECDSA P-256 key.</summary>
    [Id(1), JsonRequired] public string PublicKey { get; init; } = "";
    /// <summary>Verify-only or revoked.</summary>
    [Id(2), JsonRequired] public KeyState State { get; init; }
}
