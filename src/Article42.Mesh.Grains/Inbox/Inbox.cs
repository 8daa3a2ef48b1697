namespace Article42.Mesh.Grains;

/// <summary>
/// A participant's inbox: stores deliveries once (deduplicated by message id, sequenced by journal version), hands
/// them to the consuming session highest precedence first, and removes them when acknowledged.
/// </summary>
internal sealed class Inbox(string participant, JournalStream stream, IMessageJournal journal, ParticipantRegistry registry)
{
    private static readonly Precedence[] HighestFirst = [.. Enum.GetValues<Precedence>().OrderDescending()];
    private readonly RecentIds _recent = new(4096);
    private readonly string _queue = QueueIds.Inbox(participant);

    /// <summary>Unacknowledged messages held.</summary>
    public long Backlog { get; private set; }

    public async Task LoadAsync() => Backlog = await journal.CountQueuedAsync(_queue);

    /// <summary>Stores the new messages of a batch; returns how many were new.</summary>
    public async Task<int> StoreAsync(DeliveryBatch batch)
    {
        var fresh = new List<Envelope>();
        foreach (var envelope in batch.Envelopes)
        {
            if (!fresh.Exists(e => e.MsgId == envelope.MsgId) && !await AlreadyReceivedAsync(envelope.MsgId))
                fresh.Add(envelope);
        }
        await stream.AppendAsync(before =>
        {
            var entries = new List<JournalEntry>(fresh.Count);
            var rows = new List<QueueChange>(fresh.Count);
            for (var i = 0; i < fresh.Count; i++)
            {
                var envelope = fresh[i];
                var record = new ReceivedRecord(envelope.From, before + i + 1, ApplicablePrecedence(envelope));
                entries.Add(new JournalEntry(EntryTypes.Received, RecordJson.Encode(record), envelope.MsgId));
                rows.Add(new QueueChange.Upsert(new QueuedEntry(_queue, record.Sequence, (int)record.Precedence, EnvelopeCodec.Encode(envelope), envelope.MsgId)));
            }
            return (entries, rows);
        });
        fresh.ForEach(e => _recent.Add(e.MsgId));
        Backlog += fresh.Count;
        return fresh.Count;
    }

    /// <summary>Messages not yet handed to <paramref name="session"/>, highest applicable precedence first, then by sequence.</summary>
    public async Task<ImmutableArray<InboxMessage>> FetchAsync(Session session, int max)
    {
        var messages = ImmutableArray.CreateBuilder<InboxMessage>();
        foreach (var precedence in HighestFirst)
        {
            if (messages.Count >= max)
                break;
            var level = (int)precedence;
            var after = new QueuePosition(level, session.HandedUpTo.GetValueOrDefault(level));
            foreach (var row in await journal.FetchQueuedAsync(_queue, max - messages.Count, after))
            {
                if (row.Precedence != level)
                    break;
                var envelope = EnvelopeCodec.Decode(row.Payload).Value!;
                messages.Add(new InboxMessage(row.Sequence, precedence, envelope));
                session.HandedUpTo[level] = row.Sequence;
                session.Handed[envelope.MsgId] = row.Sequence;
            }
        }
        // Delivered (durable here) and fetched (handed to the gateway) are different facts; both go in the trace.
        await stream.AppendAsync(_ => (
            [.. messages.Select(m => new JournalEntry(EntryTypes.Fetched, RecordJson.Encode(new ReceivedRecord(m.Envelope.From, m.Sequence, m.Precedence)), m.Envelope.MsgId))],
            []));
        return messages.ToImmutable();
    }

    /// <summary>Acknowledges messages by id; already acknowledged ones are ignored, ids this inbox never held are errors.</summary>
    public async Task<AckOutcome> AcknowledgeAsync(Session session, ImmutableArray<string> messageIds)
    {
        var acknowledged = new List<(string Id, ReceivedRecord Record)>();
        var errors = ImmutableArray.CreateBuilder<MeshError>();
        foreach (var (id, index) in messageIds.Distinct().Select((id, index) => (id, index)))
        {
            var (received, alreadyAcknowledged) = await FindAsync(id);
            if (received is null)
                errors.Add(new MeshError(ErrorCodes.UnknownMessage, $"$.message_ids[{index}]", $"message '{ValidationContext.Truncate(id ?? "")}' is not in the inbox of '{participant}'"));
            else if (!alreadyAcknowledged)
                acknowledged.Add((id!, received));
        }
        await stream.AppendAsync(_ => (
            [.. acknowledged.Select(a => new JournalEntry(EntryTypes.Acknowledged, RecordJson.Encode(a.Record), a.Id))],
            [.. acknowledged.Select(a => new QueueChange.Remove(_queue, a.Record.Sequence))]));
        acknowledged.ForEach(a => session.Handed.Remove(a.Id));
        Backlog -= acknowledged.Count;
        return new AckOutcome(acknowledged.Count, errors.ToImmutable());
    }

    private async Task<bool> AlreadyReceivedAsync(string messageId) =>
        _recent.Contains(messageId) || (await journal.FindByMessageIdAsync(messageId)).Any(e => e.StreamId == stream.StreamId && e.Type == EntryTypes.Received);

    private async Task<(ReceivedRecord? Received, bool Acknowledged)> FindAsync(string? messageId)
    {
        if (messageId is null || !Ulid.IsValid(messageId))
            return (null, false);
        var mine = (await journal.FindByMessageIdAsync(messageId)).Where(e => e.StreamId == stream.StreamId).ToList();
        var received = mine.FirstOrDefault(e => e.Type == EntryTypes.Received);
        return (received is null ? null : RecordJson.Received(received.Payload), mine.Exists(e => e.Type == EntryTypes.Acknowledged));
    }

    /// <summary>Action addressees get the action precedence, info addressees the info precedence.</summary>
    private Precedence ApplicablePrecedence(Envelope envelope) =>
        registry.Expand(envelope.ToAction, envelope.From).Contains(participant) ? envelope.PrecedenceAction : envelope.EffectiveInfoPrecedence;
}
