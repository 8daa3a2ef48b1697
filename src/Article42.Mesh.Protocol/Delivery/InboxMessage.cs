namespace Article42.Mesh.Protocol;

/// <summary>
/// One message in a participant's inbox: its inbox sequence, the precedence that applies to this addressee, the signed
/// envelope. <see cref="Redelivered"/>: the mesh (or the gateway's state) handed this message out before and it was not
/// acknowledged since; the application may have seen it already (docs/concepts.md, delivery guarantees).
/// <see cref="KeyId"/>: the id of the sender's key the mesh recorded when it accepted the message (issue #21), what a
/// gateway verifies the signature against; null for a message accepted before key ids were recorded.
/// <see cref="AcceptanceSequence"/>: the sender's acceptance sequence of the message (its receipt's
/// <see cref="SubmitReceipt.AcceptanceSequence"/>; issue #18); per sender and precedence, messages arrive in its order.
/// <see cref="Document"/>: the signed document exactly as the mesh stored it at acceptance (issue #18), what a gateway
/// decodes for the application and verifies the signature over; null from a silo that predates it (a gateway then
/// encodes <see cref="Envelope"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("a42.inbox-message")]
public sealed record InboxMessage(
    [property: Id(0)] long Sequence,
    [property: Id(1)] Precedence Precedence,
    [property: Id(2)] Envelope Envelope,
    [property: Id(3)] bool Redelivered = false,
    [property: Id(4)] string? KeyId = null,
    [property: Id(5)] long AcceptanceSequence = 0,
    [property: Id(6)] byte[]? Document = null);
