namespace Article42.Mesh.Grains;

/// <summary>
/// Builds a message's trace from every journal entry that names it (the message-id index): the sender's accepted,
/// delivered, dead-lettered, receipted and escalated entries, and each recipient's received, fetched and
/// acknowledged entries; and the id of the key the message was accepted under, flagged when the registry now marks
/// that key revoked.
/// </summary>
internal static class MessageTraces
{
    public static MessageTrace? Build(string messageId, IReadOnlyList<StoredEntry> entries, Classification clearance, IRevokedKeyIds revokedKeys)
    {
        var accepted = entries.FirstOrDefault(e => e.Type == EntryTypes.Accepted);
        if (accepted is null || EnvelopeCodec.Decode(accepted.Payload).Value is not { } envelope)
            return null;
        var label = envelope.Label.Level;
        if (label > clearance)
            return new MessageTrace(messageId, envelope.From, label, Withheld: true, null, null, null, null, null, []);
        var senderStream = accepted.StreamId;
        var fromSender = entries.Where(e => e.StreamId == senderStream).ToList();
        // A recipient's own received entry names it too: the sender's delivery record rides on its next write (issue #18)
        // and is lost in a crash before it, while the received entry is written when the recipient stores the message.
        var recipients = fromSender
            .Where(e => e.Type is EntryTypes.Delivered or EntryTypes.DeadLettered)
            .Select(e => RecordJson.Recipient(e.Payload).Recipient)
            .Concat(entries.Where(e => e.Type == EntryTypes.Received && e.StreamId != senderStream && e.StreamId.StartsWith("participant/", StringComparison.Ordinal)).Select(e => JournalStream.ParticipantOf(e.StreamId)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(recipient => Recipient(recipient, fromSender, entries.Where(e => e.StreamId == JournalStream.OfParticipant(recipient)).ToList()));
        return new MessageTrace(messageId, envelope.From, label, Withheld: false, envelope.Kind, envelope.PrecedenceAction, envelope.ActivationId,
            accepted.Timestamp, TraceIdOf(envelope), [.. recipients], accepted.KeyId, accepted.KeyId is { } keyId && revokedKeys.IsRevoked(keyId));
    }

    private static RecipientTrace Recipient(string recipient, List<StoredEntry> fromSender, List<StoredEntry> inInbox)
    {
        StoredEntry? About(string type) => fromSender.FirstOrDefault(e => e.Type == type && RecordJson.Recipient(e.Payload).Recipient == recipient);
        var deadLettered = About(EntryTypes.DeadLettered);
        var handed = inInbox.Where(e => e.Type == EntryTypes.Fetched).ToList();
        var escalations = fromSender.Where(e => e.Type == EntryTypes.Escalated)
            .Select(e => RecordJson.Escalation(e.Payload))
            .Where(e => e.Recipient == recipient)
            .Select(e => e.ThresholdPercent);
        return new RecipientTrace(
            recipient,
            inInbox.FirstOrDefault(e => e.Type == EntryTypes.Received)?.Timestamp ?? About(EntryTypes.Delivered)?.Timestamp,
            deadLettered?.Timestamp,
            deadLettered is null ? null : RecordJson.Recipient(deadLettered.Payload).Reason,
            handed.Count,
            handed.FirstOrDefault()?.Timestamp,
            inInbox.FirstOrDefault(e => e.Type == EntryTypes.Acknowledged)?.Timestamp,
            About(EntryTypes.Receipted)?.Timestamp,
            [.. escalations]);
    }

    private static string? TraceIdOf(Envelope envelope) =>
        envelope.Trace?.Traceparent is { Length: 55 } traceparent ? traceparent[3..35] : null;
}
