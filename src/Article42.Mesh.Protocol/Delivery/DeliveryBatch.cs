namespace Article42.Mesh.Protocol;

/// <summary>
/// Messages from one sender's outbox for one recipient, in the sender's dispatch order. <see cref="AcceptanceSequences"/>
/// (issue #18): each envelope's per-sender acceptance sequence, in the same order and strictly increasing, all from the
/// sender's <see cref="Lane"/> (its outbox lane to this recipient, one precedence): the recipient keeps the highest it
/// stored per sender and lane, and a message at or below it is a redelivery. Empty from a sender that predates them.
/// </summary>
[GenerateSerializer, Immutable, Alias("a42.delivery-batch")]
public sealed record DeliveryBatch(
    [property: Id(0)] string Sender,
    [property: Id(1)] ImmutableArray<Envelope> Envelopes,
    [property: Id(2)] ImmutableArray<long> AcceptanceSequences = default,
    [property: Id(3)] Precedence Lane = Precedence.Deferred);
