namespace Article42.Mesh.Protocol;

/// <summary>A granted session, or why not.</summary>
[GenerateSerializer, Immutable, Alias("a42.session-outcome")]
public sealed record SessionOutcome(
    [property: Id(0)] SessionGrant? Grant,
    [property: Id(1)] MeshError? Error);
