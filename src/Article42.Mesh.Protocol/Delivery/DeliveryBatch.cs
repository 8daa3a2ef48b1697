namespace Article42.Mesh.Protocol;

/// <summary>
/// Messages from one sender's outbox for one recipient, in the sender's dispatch order, each with the key id recorded
/// at its acceptance (<see cref="KeyIds"/>, issue #21: the recipient's gateway verifies the signature against it).
/// <see cref="AcceptanceSequences"/>
/// (issue #18): each envelope's per-sender acceptance sequence, in the same order and strictly increasing, all from the
/// sender's <see cref="Lane"/> (its outbox lane to this recipient, one precedence): the recipient keeps the highest it
/// stored per sender and lane, and a message at or below it is a redelivery. Empty from a sender that predates them.
/// <see cref="Documents"/> (issue #18): each envelope's signed document as the sender's acceptance stored it, in the same
/// order; the recipient holds and hands on these bytes without encoding the envelope again. Empty from a sender that
/// predates them (the recipient then encodes).
/// </summary>
[GenerateSerializer, Immutable, Alias("a42.delivery-batch")]
public sealed record DeliveryBatch(
    [property: Id(0)] string Sender,
    [property: Id(1)] ImmutableArray<Envelope> Envelopes,
    [property: Id(2)] ImmutableArray<string?> KeyIds = default,
    [property: Id(3)] ImmutableArray<long> AcceptanceSequences = default,
    [property: Id(4)] Precedence Lane = Precedence.Deferred,
    [property: Id(5)] ImmutableArray<byte[]> Documents = default)
{
    /// <summary>The key id recorded with the acceptance of the <paramref name="index"/>th envelope (issue #21); null when none came with it.</summary>
    public string? KeyIdOf(int index) => !KeyIds.IsDefault && index < KeyIds.Length ? KeyIds[index] : null;

    /// <summary>The stored signed document of the <paramref name="index"/>th envelope (issue #18); null from a sender that predates them.</summary>
    public byte[]? DocumentOf(int index) => !Documents.IsDefault && index < Documents.Length ? Documents[index] : null;
}
