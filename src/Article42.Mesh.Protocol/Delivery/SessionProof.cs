namespace Article42.Mesh.Protocol;

/// <summary>
/// A signed challenge. <see cref="Consuming"/> asks for the session that fetches and acknowledges (one at a time);
/// a send-only session may run beside it.
/// </summary>
[GenerateSerializer, Immutable, Alias("a42.session-proof")]
public sealed record SessionProof(
    [property: Id(0)] string Participant,
    [property: Id(1)] string Nonce,
    [property: Id(2)] bool Consuming,
    [property: Id(3)] string Signature);
