namespace Article42.Mesh.Protocol;

/// <summary>
/// A message's life from the journal. <see cref="Withheld"/>: the message's label is above the operator's clearance,
/// so only its id, sender and label level are shown. <see cref="KeyId"/>: the id of the key the message was accepted under
/// (null for a message accepted before key ids were recorded); <see cref="KeyRevoked"/>: the registry marks that key
/// revoked now (issue #21).
/// </summary>
[GenerateSerializer, Immutable, Alias("a42.message-trace")]
public sealed record MessageTrace(
    [property: Id(0)] string MessageId,
    [property: Id(1)] string From,
    [property: Id(2)] Classification Label,
    [property: Id(3)] bool Withheld,
    [property: Id(4)] MessageKind? Kind,
    [property: Id(5)] Precedence? Precedence,
    [property: Id(6)] string? ActivationId,
    [property: Id(7)] DateTimeOffset? AcceptedAt,
    [property: Id(8)] string? TraceId,
    [property: Id(9)] ImmutableArray<RecipientTrace> Recipients,
    [property: Id(10)] string? KeyId = null,
    [property: Id(11)] bool KeyRevoked = false);

/// <summary>
/// One recipient's copy: when it reached the inbox (DR) or was dead-lettered (NDR, with the reason), how often it was
/// handed to a gateway session (more than once: redelivered after a reconnect or failover), when it was acknowledged,
/// when a requested receipt came back, and the escalations its absence caused.
/// </summary>
[GenerateSerializer, Immutable, Alias("a42.recipient-trace")]
public sealed record RecipientTrace(
    [property: Id(0)] string Recipient,
    [property: Id(1)] DateTimeOffset? DeliveredAt,
    [property: Id(2)] DateTimeOffset? DeadLetteredAt,
    [property: Id(3)] NonDeliveryReason? Reason,
    [property: Id(4)] int TimesHanded,
    [property: Id(5)] DateTimeOffset? FirstHandedAt,
    [property: Id(6)] DateTimeOffset? AcknowledgedAt,
    [property: Id(7)] DateTimeOffset? ReceiptAt,
    [property: Id(8)] ImmutableArray<int> Escalations);

/// <summary>The trace, or why there is none (unknown message, refused proof).</summary>
[GenerateSerializer, Immutable, Alias("a42.trace-outcome")]
public sealed record TraceOutcome([property: Id(0)] MessageTrace? Trace, [property: Id(1)] MeshError? Error);
