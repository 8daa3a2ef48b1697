namespace Article42.Mesh.Protocol;

/// <summary>A nonce the gateway signs to prove it holds the participant's key; valid once, briefly.</summary>
[GenerateSerializer, Immutable, Alias("a42.session-challenge")]
public sealed record SessionChallenge(
    [property: Id(0)] string Participant,
    [property: Id(1)] string Nonce,
    [property: Id(2)] DateTimeOffset ExpiresAt);
