namespace Article42.Mesh.Protocol;

/// <summary>One message in a participant's inbox: its inbox sequence, the precedence that applies to this addressee, the signed envelope.</summary>
[GenerateSerializer, Immutable, Alias("a42.inbox-message")]
public sealed record InboxMessage(
    [property: Id(0)] long Sequence,
    [property: Id(1)] Precedence Precedence,
    [property: Id(2)] Envelope Envelope);
