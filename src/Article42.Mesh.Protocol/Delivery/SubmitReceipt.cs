namespace Article42.Mesh.Protocol;

/// <summary>
/// Proof that the mesh holds a message durably: its id, when it was accepted and the recipients after group
/// expansion. A resubmission of the same message returns the original receipt. <see cref="Position"/> is the
/// acceptance's place in the sender's report feed: every report on this message comes after it.
/// </summary>
[GenerateSerializer, Immutable, Alias("a42.submit-receipt")]
public sealed record SubmitReceipt(
    [property: Id(0)] string MessageId,
    [property: Id(1)] DateTimeOffset AcceptedAt,
    [property: Id(2)] ImmutableArray<string> Recipients,
    [property: Id(3)] long Position = 0);
