namespace Article42.Mesh.Protocol;

/// <summary>Reports in feed order, or why they were refused.</summary>
[GenerateSerializer, Immutable, Alias("a42.reports-outcome")]
public sealed record ReportsOutcome(
    [property: Id(0)] ImmutableArray<DeliveryReport> Reports,
    [property: Id(1)] MeshError? Error);
