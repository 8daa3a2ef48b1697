namespace Article42.Mesh.Grains;

/// <summary>
/// A queue row with its body, as an activation holds or has just read it (issue #18): the envelope and the signed bytes
/// the submit or the delivery had in hand, or the bytes a journal read returned. <see cref="Bytes"/>: the body's size as
/// stored, what the activation's cap (<see cref="HeldBytes"/>) and a batch's byte limit count.
/// </summary>
internal sealed class HeldMessage
{
    public HeldMessage(long sequence, string? messageId, Envelope envelope, byte[] body, string? keyId, long acceptanceSequence)
        : this(sequence, messageId, body.Length, acceptanceSequence)
    {
        Envelope = envelope;
        Body = body;
        KeyId = keyId;
        KeyIdKnown = true;
    }

    /// <summary>A row as a journal read returned it: its key id is not known yet (the received or accepted entry has it).</summary>
    public HeldMessage(QueuedEntry stored)
        : this(stored.Sequence, stored.MessageId, stored.Payload.Length, stored.Origin?.Version ?? 0) => Body = stored.Payload;

    private HeldMessage(long sequence, string? messageId, int bytes, long acceptanceSequence)
    {
        Sequence = sequence;
        MessageId = messageId;
        Bytes = bytes;
        AcceptanceSequence = acceptanceSequence;
    }

    public long Sequence { get; }
    public string? MessageId { get; }
    public int Bytes { get; }

    /// <summary>The sender's acceptance sequence (0 when unknown: a row stored before issue #18).</summary>
    public long AcceptanceSequence { get; }

    /// <summary>The body, decoded, when the row was held from a submit or a delivery.</summary>
    public Envelope? Envelope { get; }

    /// <summary>
    /// The body as stored: the signed document the acceptance holds, handed on as these bytes (issue #18); decoded when
    /// handed on only for a row that came from a journal read (<see cref="Envelope"/> is null).
    /// </summary>
    public byte[]? Body { get; }

    public string? KeyId { get; }

    /// <summary>The key id came with the row (from the submit or the delivery), so none is looked up.</summary>
    public bool KeyIdKnown { get; }

    /// <summary>Its bytes count against the activation's cap (false for a row read past it and handed on without being kept).</summary>
    public bool Charged { get; set; }
}
