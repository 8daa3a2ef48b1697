namespace Article42.Mesh.Protocol;

/// <summary>One MSEL inject: when, from whom, and what it expects in response.</summary>
[GenerateSerializer, Immutable, Alias("a42.planned-inject")]
public sealed record PlannedInject(
    [property: Id(0)] string Id,
    [property: Id(1)] TimeSpan At,
    [property: Id(2)] ImmutableArray<ExpectedResponse> Expected);
