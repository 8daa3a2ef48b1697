namespace Article42.Mesh.Protocol;

/// <summary>What a participant's former key (<see cref="ParticipantKey"/>) may still do.</summary>
[JsonConverter(typeof(LowerSnakeEnumConverter<KeyState>))]
public enum KeyState
{
    /// <summary><c>verify_only</c>: replaced by a newer key; what it signed and the mesh accepted stays verifiable, nothing new is accepted under it.</summary>
    VerifyOnly,
    /// <summary><c>revoked</c>: withdrawn (compromised or retired by the operator); the mesh refuses submissions and sessions under it (A42-SEC-005).</summary>
    Revoked,
}
