namespace Article42.Mesh.Protocol;

/// <summary>How many messages were newly acknowledged, and the ids that could not be (unknown to this inbox).</summary>
[GenerateSerializer, Immutable, Alias("a42.ack-outcome")]
public sealed record AckOutcome(
    [property: Id(0)] int Acknowledged,
    [property: Id(1)] ImmutableArray<MeshError> Errors);
