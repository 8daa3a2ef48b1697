namespace Article42.Mesh.Protocol;

/// <summary>
/// Reports in feed order, or why they were refused. <see cref="ReadUpTo"/> is the feed position the mesh read up to
/// (reports or not): the next request asks for what comes after it, so a feed of mostly other entries is read once.
/// <see cref="More"/>: the mesh stopped at its bound on one read, and more of the feed is waiting.
/// </summary>
[GenerateSerializer, Immutable, Alias("a42.reports-outcome")]
public sealed record ReportsOutcome(
    [property: Id(0)] ImmutableArray<DeliveryReport> Reports,
    [property: Id(1)] MeshError? Error,
    [property: Id(2)] long ReadUpTo = 0,
    [property: Id(3)] bool More = false);
