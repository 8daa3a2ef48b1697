namespace Article42.Mesh.Protocol;

/// <summary>
/// Proof that the mesh holds a message durably: its id, when it was accepted and the recipients after group
/// expansion. A resubmission of the same message returns the original receipt. <see cref="Position"/> is the
/// acceptance's place in the sender's report feed: every report on this message comes after it.
/// <see cref="AcceptanceSequence"/> (issue #18): the message's place in the order of everything this sender had accepted,
/// assigned in the write that accepted it and never reused (it survives restarts); each recipient gets a sender's
/// messages of one precedence in this order, and sees it as <see cref="InboxMessage.AcceptanceSequence"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("a42.submit-receipt")]
public sealed record SubmitReceipt(
    [property: Id(0)] string MessageId,
    [property: Id(1)] DateTimeOffset AcceptedAt,
    [property: Id(2)] ImmutableArray<string> Recipients,
    [property: Id(3)] long Position = 0,
    [property: Id(4)] long AcceptanceSequence = 0);
