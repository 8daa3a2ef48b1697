namespace Article42.Mesh.Benchmarks.Systems.Twin;

/// <summary>The raw twin's message: an id, its sender and precedence, and opaque bytes as long as a signed mesh envelope.</summary>
[GenerateSerializer, Immutable, Alias("bench.raw-message")]
public sealed record RawMessage(
    [property: Id(0)] string Id,
    [property: Id(1)] string From,
    [property: Id(2)] Precedence Precedence,
    [property: Id(3)] byte[] Payload);
