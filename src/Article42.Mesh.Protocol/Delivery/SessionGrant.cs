namespace Article42.Mesh.Protocol;

/// <summary>An open session: the bearer token to pass to every gateway call, and when it lapses unless renewed.</summary>
[GenerateSerializer, Immutable, Alias("a42.session-grant")]
public sealed record SessionGrant(
    [property: Id(0)] string Token,
    [property: Id(1)] DateTimeOffset ExpiresAt,
    [property: Id(2)] bool Consuming);
