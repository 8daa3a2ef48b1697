namespace Article42.Mesh.Grains;

/// <summary>
/// The one place where a held or stored queue row becomes what the delivery core hands on (issue #18): the envelope of
/// a delivery batch, an <see cref="InboxMessage"/>. A row held from a submit or a delivery hands on the envelope it
/// holds; one read from the journal is decoded here. (When the signed bytes cross <see cref="IParticipantGrain"/> as
/// bytes, this is what changes.)
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

    /// <summary>The message as an inbox hands it to a gateway session.</summary>
    public static InboxMessage ToInbox(HeldMessage row, Precedence precedence, Envelope envelope, bool redelivered, string? keyId) =>
        new(row.Sequence, precedence, envelope, redelivered, KeyId: keyId, AcceptanceSequence: row.AcceptanceSequence);
}
