using Microsoft.Extensions.Logging;

namespace Article42.Mesh.Grains;

/// <summary>
/// A participant's inbox: stores deliveries once (deduplicated by message id, sequenced by journal version), hands
/// them to the consuming session highest precedence first, and removes them when acknowledged.
/// </summary>
internal sealed class Inbox(string participant, JournalStream stream, IMessageJournal journal, IRegistryHolder registries, TimeProvider time, ILogger logger, HeldBytes? held = null)
{
    private static readonly Precedence[] HighestFirst = [.. Enum.GetValues<Precedence>().OrderDescending()];
    private readonly RecentIds _recent = new(4096);
    private readonly string _queue = QueueIds.Inbox(participant);
    private readonly RecordedKeyIds _keyIds = new(stream, journal, EntryTypes.Received);

    /// <summary>
    /// Messages this activation handed to some session and that were not acknowledged since, with where they sit: handed
    /// to a later session they are flagged redelivered, at no journal write, and their acknowledgement reads nothing
    /// (issue #18). Bounded by the inbox (an acknowledgement removes its id).
    /// </summary>
    private readonly Dictionary<string, ReceivedRecord> _handedOut = new(StringComparer.Ordinal);

    private readonly HeldBytes _held = held ?? new HeldBytes(new DeliveryOptions().HeldBytesCap);

    /// <summary>
    /// Per precedence band, its rows with their bodies, fed by the delivery that stored each one, so a fetch reads nothing
    /// (issue #18). Empty and complete when the activation found the inbox empty; otherwise read from the journal once, on
    /// the first fetch that reaches the band. Past the activation's byte cap the journal holds the rest of a band.
    /// </summary>
    private readonly Dictionary<int, HeldRows> _bands = [];

    /// <summary>
    /// Per sender and outbox lane, the highest acceptance sequence this inbox holds (issue #18). A lane delivers in
    /// acceptance order, one batch in flight, and resends only what it has not recorded as delivered, so a message at or
    /// below the mark is a redelivery: the dedupe reads nothing. Rebuilt after activation by the message-id index, from
    /// the first of the lane's batches whose last message the index finds new: only then is nothing of the lane above it
    /// held. A batch of redeliveries says nothing of what an earlier activation stored after them (a lane's batches end
    /// where its sender's memory or a batch's size does, and a duplicate sender activation resends what the other
    /// delivered): its last sequence taken as the mark stored the lane's next message a second time (found by
    /// <c>DeliveryModelTests</c>). The stream version every store writes at fences a second activation. Bounded by
    /// senders times precedences.
    /// </summary>
    private readonly Dictionary<(string Sender, Precedence Lane), long> _laneMarks = [];

    /// <summary>Unacknowledged messages held.</summary>
    public long Backlog { get; private set; }

    /// <summary>Unacknowledged FLASH and OVERRIDE messages held, valid once <see cref="_counting"/> has completed.</summary>
    private long _urgent;

    /// <summary>The one count of the urgent bands, on first need (not at activation); every change to the inbox awaits it first.</summary>
    private Task? _counting;

    /// <summary>The unacknowledged message that arrived first: its inbox sequence and creation time.</summary>
    private (long Sequence, DateTimeOffset CreatedAt)? _oldest;

    /// <summary>How long the oldest unacknowledged message has been waiting since it was created.</summary>
    public TimeSpan? OldestAge => _oldest is { } oldest ? time.GetUtcNow() - oldest.CreatedAt : null;

    public async Task LoadAsync()
    {
        Backlog = await journal.CountQueuedAsync(_queue);
        foreach (var precedence in HighestFirst)
            _bands[(int)precedence] = new HeldRows(_held, complete: Backlog == 0);
        await FindOldestAsync();
    }

    /// <summary>Stores the new messages of a batch; returns those that were new.</summary>
    public async Task<IReadOnlyList<Envelope>> StoreAsync(DeliveryBatch batch)
    {
        SequencedBatch.Check(batch);
        await UrgentBacklogAsync();
        var sequenced = !batch.AcceptanceSequences.IsDefaultOrEmpty;
        var lane = (batch.Sender, batch.Lane);
        long? mark = sequenced && _laneMarks.TryGetValue(lane, out var known) ? known : null;
        var fresh = new List<(Envelope Envelope, long? Acceptance, string? KeyId, byte[] Document)>();
        for (var i = 0; i < batch.Envelopes.Length; i++)
        {
            var envelope = batch.Envelopes[i];
            long? acceptance = sequenced ? batch.AcceptanceSequences[i] : null;
            var isNew = mark is { } high
                ? acceptance > high
                : !fresh.Exists(f => f.Envelope.MsgId == envelope.MsgId) && !await AlreadyReceivedAsync(envelope.MsgId);
            if (isNew)
                fresh.Add((envelope, acceptance, batch.KeyIdOf(i), StoredMessages.DocumentOf(batch, i)));
        }
        var origin = JournalStream.OfParticipant(batch.Sender);
        var first = 1 + (await stream.AppendAsync(before =>
        {
            var entries = new List<JournalEntry>(fresh.Count);
            var rows = new List<QueueChange>(fresh.Count);
            for (var i = 0; i < fresh.Count; i++)
            {
                var (envelope, acceptance, keyId, document) = fresh[i];
                var record = new ReceivedRecord(envelope.From, before + i + 1, ApplicablePrecedence(envelope));
                entries.Add(new JournalEntry(EntryTypes.Received, RecordJson.Encode(record), envelope.MsgId, keyId));
                // A sequenced row names the sender's acceptance entry, which holds the body (issue #18: stored once).
                rows.Add(new QueueChange.Upsert(acceptance is { } sequence
                    ? new QueuedEntry(_queue, record.Sequence, (int)record.Precedence, [], envelope.MsgId, new EntryAddress(origin, sequence))
                    : new QueuedEntry(_queue, record.Sequence, (int)record.Precedence, document, envelope.MsgId)));
            }
            return (entries, rows);
        })).Before;
        if (!sequenced)
            ForgetMarksOf(batch.Sender);
        else if (mark is not null || (fresh.Count > 0 && fresh[^1].Acceptance == batch.AcceptanceSequences[^1]))
            _laneMarks[lane] = Math.Max(mark ?? 0, batch.AcceptanceSequences[^1]);
        for (var i = 0; i < fresh.Count; i++)
        {
            var (envelope, acceptance, keyId, document) = fresh[i];
            _recent.Add(envelope.MsgId);
            _keyIds.Record(envelope.MsgId, keyId);
            // The band is fed from here, with the envelope and the batch's signed bytes in hand, so a fetch reads nothing
            // and nothing is encoded (issue #18).
            _bands[(int)ApplicablePrecedence(envelope)].Add(new HeldMessage(first + i, envelope.MsgId, envelope, document, keyId, acceptance ?? 0));
        }
        return CountStored(first, [.. fresh.Select(f => f.Envelope)]);
    }

    /// <summary>
    /// A batch without acceptance sequences (from a silo of an older version, during an upgrade) is deduplicated by the
    /// index alone, and may store messages past a lane's mark: that sender's lanes are decided by the index again.
    /// </summary>
    private void ForgetMarksOf(string sender)
    {
        foreach (var key in _laneMarks.Keys.Where(k => k.Sender == sender).ToList())
            _laneMarks.Remove(key);
    }

    /// <summary>Takes messages just stored at inbox sequences from <paramref name="first"/> on into the counts.</summary>
    private List<Envelope> CountStored(long first, List<Envelope> fresh)
    {
        if (_oldest is null && fresh.Count > 0)
            _oldest = (first, fresh[0].CreatedAt);
        Backlog += fresh.Count;
        _urgent += fresh.Count(e => UrgentShare.IsUrgent(ApplicablePrecedence(e)));
        return fresh;
    }

    /// <summary>
    /// A new consuming session first checks the stream's fence (one read): memory knows only this activation's stores,
    /// and a duplicate activation over the same journal (a failover, a partition) may have stored more. A stale
    /// activation deactivates and the call fails, so the gateway's retry reaches a fresh one (found by
    /// <c>DeliveryModelTests</c>: a stale activation handed a reconnecting gateway nothing until it next wrote). One read
    /// per session, none per message.
    /// </summary>
    public Task StartingSessionAsync() => stream.CheckFenceAsync();

    /// <summary>Messages not yet handed to <paramref name="session"/>, highest applicable precedence first, then by sequence.</summary>
    public async Task<ImmutableArray<InboxMessage>> FetchAsync(Session session, int max)
    {
        await UrgentBacklogAsync();
        var messages = ImmutableArray.CreateBuilder<InboxMessage>();
        var corrupt = new List<(HeldMessage Row, int Level)>();
        // The session's cursors move only once the fetched records are written: a fetch whose write fails (a journal
        // error, a duplicate activation fenced off) has handed nothing, so the next fetch of the session hands it again.
        var handedUpTo = new Dictionary<int, long>();
        long bytes = 0;
        foreach (var precedence in HighestFirst)
        {
            if (messages.Count >= max || bytes >= MeshDefaults.BatchPayloadBytes)
                break;
            var level = (int)precedence;
            foreach (var row in await BandAfterAsync(level, session.HandedUpTo.GetValueOrDefault(level), max - messages.Count))
            {
                // A fetch must fit Orleans' message limit (MeshDefaults.SiloMessageBodyBytes): it stops before the row
                // that would take it past MeshDefaults.BatchPayloadBytes (always handing out one); the rest come next fetch.
                bytes += row.Bytes;
                if (bytes > MeshDefaults.BatchPayloadBytes && (messages.Count > 0 || corrupt.Count > 0))
                    break;
                handedUpTo[level] = row.Sequence;
                if (StoredMessages.Open(row).Envelope is not { } envelope)
                {
                    corrupt.Add((row, level));
                    continue;
                }
                var keyId = row.KeyIdKnown ? row.KeyId : await _keyIds.OfAsync(envelope.MsgId);
                messages.Add(StoredMessages.ToInbox(row, precedence, envelope, _handedOut.ContainsKey(envelope.MsgId), keyId));
            }
        }
        // A fetch that hands nothing writes nothing, so it checks the fence instead: a stale activation must not answer
        // "nothing" from memory for ever while another activation stores (one read per empty fetch, none per message).
        if (messages.Count == 0 && corrupt.Count == 0)
        {
            await stream.CheckFenceAsync();
            return [];
        }
        // Delivered (durable here) and fetched (handed to the gateway) are different facts; both go in the trace.
        // A row that does not decode can never be handed over: it is skipped and dropped, with a warning, so it can
        // neither block the inbox nor count against its cap for ever.
        await stream.AppendAsync(_ => (
            [.. messages.Select(m => new JournalEntry(EntryTypes.Fetched, RecordJson.Encode(new ReceivedRecord(m.Envelope.From, m.Sequence, m.Precedence)), m.Envelope.MsgId))],
            [.. corrupt.Select(c => new QueueChange.Remove(_queue, c.Row.Sequence))]));
        foreach (var (level, sequence) in handedUpTo)
            session.HandedUpTo[level] = sequence;
        foreach (var message in messages)
        {
            _handedOut.TryAdd(message.Envelope.MsgId, new ReceivedRecord(message.Envelope.From, message.Sequence, message.Precedence));
            session.Handed[message.Envelope.MsgId] = (message.Sequence, MeshTelemetry.ContextOf(message.Envelope));
        }
        foreach (var (row, level) in corrupt)
        {
            _bands[level].Remove(row.Sequence);
            logger.LogWarning("Inbox of {Participant}: stored message {MessageId} (sequence {Sequence}) does not decode; dropped", participant, ValidationContext.Truncate(row.MessageId ?? ""), row.Sequence);
        }
        Backlog -= corrupt.Count;
        _urgent -= corrupt.Count(c => UrgentShare.IsUrgent((Precedence)c.Level));
        if (_oldest is { } oldest && corrupt.Exists(c => c.Row.Sequence == oldest.Sequence))
            await FindOldestAsync();
        return messages.ToImmutable();
    }

    /// <summary>
    /// Up to <paramref name="max"/> rows of a band after <paramref name="cursor"/>: from memory, with no read, as far as
    /// memory holds the band; the rest from one read of the journal (after an activation, or past the byte cap).
    /// </summary>
    private async Task<List<HeldMessage>> BandAfterAsync(int level, long cursor, int max)
    {
        var band = _bands[level];
        var rows = band.After(cursor).Take(max).ToList();
        if (rows.Count == max || band.Complete)
            return rows;
        var after = Math.Max(rows.Count > 0 ? rows[^1].Sequence : cursor, band.ReadThrough);
        var wanted = max - rows.Count;
        var read = await journal.FetchQueuedInBandAsync(_queue, level, after, wanted);
        rows.AddRange(band.Read(read, after, reachedEnd: read.Count < wanted));
        return rows;
    }

    /// <summary>Acknowledges messages by id; already acknowledged ones are ignored, ids this inbox never held are errors.</summary>
    public async Task<AckOutcome> AcknowledgeAsync(Session session, ImmutableArray<string> messageIds)
    {
        await UrgentBacklogAsync();
        var acknowledged = new List<(string Id, ReceivedRecord Record)>();
        var errors = ImmutableArray.CreateBuilder<MeshError>();
        foreach (var (id, index) in messageIds.Distinct().Select((id, index) => (id, index)))
        {
            var (received, alreadyAcknowledged) = id is not null && _handedOut.TryGetValue(id, out var handed) ? (handed, false) : await FindAsync(id);
            if (received is null)
                errors.Add(new MeshError(ErrorCodes.UnknownMessage, $"$.message_ids[{index}]", $"message '{ValidationContext.Truncate(id ?? "")}' is not in the inbox of '{participant}'"));
            else if (!alreadyAcknowledged)
                acknowledged.Add((id!, received));
        }
        await stream.AppendAsync(_ => (
            [.. acknowledged.Select(a => new JournalEntry(EntryTypes.Acknowledged, RecordJson.Encode(a.Record), a.Id))],
            [.. acknowledged.Select(a => new QueueChange.Remove(_queue, a.Record.Sequence))]));
        foreach (var (id, record) in acknowledged)
        {
            _bands[(int)record.Precedence].Remove(record.Sequence);
            // One settle span per message, in the message's own trace: the trace ends at the recipient's ack.
            var trace = session.Handed.Remove(id, out var handed) ? handed.Trace : default;
            _handedOut.Remove(id);
            using var span = MeshTelemetry.Start("ack", "settle", System.Diagnostics.ActivityKind.Consumer, id, trace, participant);
            span?.SetTag("a42.precedence", EnvelopeCodec.WireName(record.Precedence));
            MeshTelemetry.Acknowledged.Add(1, new KeyValuePair<string, object?>("a42.precedence", EnvelopeCodec.WireName(record.Precedence)));
        }
        Backlog -= acknowledged.Count;
        _urgent -= acknowledged.Count(a => UrgentShare.IsUrgent(a.Record.Precedence));
        if (_oldest is { } oldest && acknowledged.Exists(a => a.Record.Sequence == oldest.Sequence))
            await FindOldestAsync();
        return new AckOutcome(acknowledged.Count, errors.ToImmutable());
    }

    /// <summary>
    /// Unacknowledged FLASH and OVERRIDE messages, for a sender's backpressure. The first call reads the two urgent bands
    /// (a page at a time; the share keeps them short), later ones answer from the count the inbox keeps. Senders ask it
    /// interleaved, so the count is one shared task that every change to the inbox awaits before it changes anything.
    /// </summary>
    public async Task<long> UrgentBacklogAsync()
    {
        var counting = _counting ??= CountUrgentAsync();
        try
        {
            await counting;
        }
        catch when (_counting == counting)
        {
            // A count the journal failed is asked again next time, rather than failing the inbox for good.
            _counting = null;
            throw;
        }
        return _urgent;
    }

    private async Task CountUrgentAsync()
    {
        const int Page = 64;
        long count = 0;
        foreach (var precedence in HighestFirst.Where(UrgentShare.IsUrgent))
        {
            IReadOnlyList<QueuedEntry> rows;
            long after = 0;
            do
            {
                rows = await journal.FetchQueuedInBandAsync(_queue, (int)precedence, after, Page);
                count += rows.Count;
                after = rows.Count > 0 ? rows[^1].Sequence : after;
            }
            while (rows.Count == Page);
        }
        _urgent = count;
    }

    /// <summary>
    /// The lowest sequence still queued: the first row of each precedence band, the smallest of those. An empty inbox
    /// (the backlog counts every row) has none, with no read: the usual case when the gateway keeps up (issue #18).
    /// </summary>
    private async Task FindOldestAsync()
    {
        if (Backlog == 0)
        {
            _oldest = null;
            return;
        }
        HeldMessage? oldest = null;
        foreach (var precedence in HighestFirst)
        {
            // A band memory holds from its start answers without a read (issue #18).
            var band = _bands.GetValueOrDefault((int)precedence);
            var first = band is { First: { } held } && (band.Complete || held.Sequence <= band.ReadThrough) ? held
                : band is { Complete: true } ? null
                : (await journal.FetchQueuedInBandAsync(_queue, (int)precedence, 0, 1)).Select(row => new HeldMessage(row)).FirstOrDefault();
            if (first is not null && (oldest is null || first.Sequence < oldest.Sequence))
                oldest = first;
        }
        // A row that does not decode has no creation time; it ages from now until a fetch drops it.
        _oldest = oldest is null ? null : (oldest.Sequence, StoredMessages.Open(oldest).Envelope?.CreatedAt ?? time.GetUtcNow());
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
        registries.Current.Expand(envelope.ToAction, envelope.From).Contains(participant) ? envelope.PrecedenceAction : envelope.EffectiveInfoPrecedence;
}
