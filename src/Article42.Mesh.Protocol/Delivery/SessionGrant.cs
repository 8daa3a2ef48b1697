namespace Article42.Mesh.Protocol;

/// <summary>
/// An open session: the bearer token to pass to every gateway call, and when it lapses unless renewed.
/// <see cref="Lifetime"/>: how long it lives from this grant, so a gateway times its renewal on its own clock however
/// far that clock is off the mesh's (<see cref="ExpiresAt"/> is the mesh's clock); zero from a silo that predates it.
/// </summary>
[GenerateSerializer, Immutable, Alias("a42.session-grant")]
public sealed record SessionGrant(
    [property: Id(0)] string Token,
    [property: Id(1)] DateTimeOffset ExpiresAt,
    [property: Id(2)] bool Consuming,
    [property: Id(3)] TimeSpan Lifetime = default);
