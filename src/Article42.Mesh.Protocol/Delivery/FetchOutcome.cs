namespace Article42.Mesh.Protocol;

/// <summary>Messages handed to the session in fetch order, or why the fetch was refused.</summary>
[GenerateSerializer, Immutable, Alias("a42.fetch-outcome")]
public sealed record FetchOutcome(
    [property: Id(0)] ImmutableArray<InboxMessage> Messages,
    [property: Id(1)] MeshError? Error);
