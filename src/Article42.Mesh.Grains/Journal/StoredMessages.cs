namespace Article42.Mesh.Grains;

/// <summary>
/// The one place where a held or stored queue row becomes what the delivery core hands on (issue #18): the envelope of
/// a delivery batch, an <see cref="InboxMessage"/>. Both carry the signed document as the acceptance stored it: the
/// bytes cross <see cref="IParticipantGrain"/> as bytes, never encoded again. A row held from a submit or a delivery
/// hands on the envelope it holds (the silo reads it) with those bytes; one read from the journal is decoded here.
/// </summary>
internal static class StoredMessages
{
    /// <summary>The row's envelope, or why its stored bytes have none.</summary>
    public static (Envelope? Envelope, MeshError? Error) Open(HeldMessage row)
    {
        if (row.Envelope is { } held)
            return (held, null);
        var decoded = EnvelopeCodec.Decode(row.Body ?? []);
        return decoded.IsSuccess && decoded.Value is { } envelope ? (envelope, null) : (null, decoded.Errors.FirstOrDefault());
    }

    /// <summary>The row's signed document as stored (empty for a row that has none: such a row does not open).</summary>
    public static byte[] DocumentOf(HeldMessage row) => row.Body ?? [];

    /// <summary>
    /// The signed document of a batch's <paramref name="index"/>th message, what the inbox stores and holds: the bytes
    /// the batch carries, or for a batch from a sender that predates them (issue #18), the envelope encoded.
    /// </summary>
    public static byte[] DocumentOf(DeliveryBatch batch, int index) => batch.DocumentOf(index) ?? EnvelopeCodec.Encode(batch.Envelopes[index]);

    /// <summary>The message as an inbox hands it to a gateway session.</summary>
    public static InboxMessage ToInbox(HeldMessage row, Precedence precedence, Envelope envelope, bool redelivered, string? keyId) =>
        new(row.Sequence, precedence, envelope, redelivered, KeyId: keyId, AcceptanceSequence: row.AcceptanceSequence, Document: DocumentOf(row));
}
