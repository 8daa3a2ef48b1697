namespace Article42.Mesh.Grains;

/// <summary>
/// Accepting a checked message (docs/design/architecture.md, "The submit write"): one atomic journal write claims the
/// message id for this sender and content and appends the acceptance, the per-recipient outbox rows and the immediate
/// NDRs of recipients the label excludes; an id already held makes it write nothing (same sender and content = the
/// original receipt; anything else = conflict). Only then is there a receipt. A message that names an activation claims
/// its id first, in a write of its own, because the activation records it before it is accepted. The acceptance records the id of the key it was
/// accepted under, given by the caller (<see cref="AcceptingKey"/>, issue #21).
/// </summary>
internal sealed class Submission(
    string sender,
    JournalStream stream,
    IMessageJournal journal,
    IRegistryHolder registries,
    Outbox outbox,
    SenderRateLimiter rate,
    ReceiptWatch receipts,
    TimeProvider time,
    DeliveryOptions options)
{
    private readonly SenderRateLimiter _urgentRate = new(options.UrgentSenderRatePerSecond, options.UrgentSenderBurst, time);
    private readonly UrgentShare _share = new(options.InboxCap, options.UrgentInboxShare);

    /// <summary>
    /// A message no activation records: staleness and backpressure, then the claim and the acceptance in one write. A
    /// refusal claims nothing, unless the message was accepted before: a resubmission gets its original receipt.
    /// </summary>
    public async Task<SubmitOutcome> SubmitAsync(SignedDocument document, string? keyId, CancellationToken stopping)
    {
        var envelope = document.Envelope;
        var recipients = registries.Current.Expand(envelope.ToAction.Concat(envelope.ToInfo), sender);
        if ((Stale(envelope) ?? await BackpressureAsync(envelope, recipients)) is { } refusal)
            return await SettledAsync(document, recipients) ?? SubmitOutcome.Refused(refusal);
        return await WriteAcceptanceAsync(document, keyId, claiming: true, stopping);
    }

    /// <summary>
    /// Before the activation records the message: a resubmission gets its original receipt; otherwise the id is claimed
    /// for this sender and content (a conflict is refused), then backpressure applies. A stale message is refused before
    /// the claim, so A42-SUB-012 leaves its id free. Null means: go on and judge, then <see cref="AcceptAsync"/>.
    /// </summary>
    public async Task<SubmitOutcome?> AdmitAsync(SignedDocument document)
    {
        var envelope = document.Envelope;
        var recipients = registries.Current.Expand(envelope.ToAction.Concat(envelope.ToInfo), sender);
        if (Stale(envelope) is { } stale)
            return await SettledAsync(document, recipients) ?? SubmitOutcome.Refused(stale);
        var claim = await journal.ClaimMessageIdAsync(envelope.MsgId, sender, document.SignedHash);
        if (claim is ClaimResult.Refused refused)
            return SubmitOutcome.Refused(Conflict(envelope, refused.Existing.Owner));
        // A fresh claim means the id was never accepted (the claim comes first), so only a retry reads for its receipt.
        if (claim is ClaimResult.AlreadyClaimed && await AcceptanceAsync(envelope.MsgId) is { } earlier)
            return Receipt(envelope, earlier.Timestamp, earlier.Version, recipients);
        return await BackpressureAsync(envelope, recipients) is { } busy ? SubmitOutcome.Refused(busy) : null;
    }

    /// <summary>One append of the acceptance, the outbox rows and the immediate NDRs, the id already claimed (<see cref="AdmitAsync"/>).</summary>
    public Task<SubmitOutcome> AcceptAsync(SignedDocument document, string? keyId, CancellationToken stopping) => WriteAcceptanceAsync(document, keyId, claiming: false, stopping);

    private async Task<SubmitOutcome> WriteAcceptanceAsync(SignedDocument document, string? keyId, bool claiming, CancellationToken stopping)
    {
        var envelope = document.Envelope;
        var recipients = registries.Current.Expand(envelope.ToAction.Concat(envelope.ToInfo), sender);
        var actionRecipients = registries.Current.Expand(envelope.ToAction, sender).ToHashSet();
        var deliverable = recipients.Where(r => registries.Current.Find(r) is { } p && SecurityPolicy.MayDeliver(envelope.Label, p, registries.Current)).ToList();
        var excluded = recipients.Except(deliverable).ToList();
        // The bytes as the edge received (or, from a gateway that sends values, encoded) them: never encoded here (issue #18).
        var body = document.Bytes;
        var owed = new List<(long Sequence, AwaitedReceipt Receipt)>();
        (IReadOnlyList<JournalEntry>, IReadOnlyList<QueueChange>) Build(long before)
        {
            owed.Clear();
            owed.AddRange(ReceiptWatch.Expect(envelope, [.. deliverable.Where(actionRecipients.Contains)], before + 1, time.GetUtcNow()));
            var sequence = before + 1;
            List<JournalEntry> entries = [new(EntryTypes.Accepted, body, envelope.MsgId, keyId)];
            entries.AddRange(excluded.Select(r => new JournalEntry(EntryTypes.DeadLettered, RecordJson.Encode(new RecipientRecord(r, NonDeliveryReason.SecurityPolicy)), envelope.MsgId)));
            // The outbox rows name the acceptance entry instead of copying the body (issue #18: the body is stored once).
            var acceptance = new EntryAddress(stream.StreamId, sequence);
            var rows = deliverable.Select(r => (QueueChange)new QueueChange.Upsert(new QueuedEntry(
                QueueIds.Outbox(sender, r), sequence, (int)(actionRecipients.Contains(r) ? envelope.PrecedenceAction : envelope.EffectiveInfoPrecedence), [], envelope.MsgId, acceptance)));
            return (entries, [.. rows, .. owed.Select(receipts.Row)]);
        }
        long before;
        DateTimeOffset? acceptedAt;
        if (claiming)
        {
            (var claim, before, acceptedAt) = await stream.ClaimAndAppendAsync(envelope.MsgId, sender, document.SignedHash, Build);
            switch (claim)
            {
                case ClaimResult.Refused refused:
                    return SubmitOutcome.Refused(Conflict(envelope, refused.Existing.Owner));
                // Held by this sender for this content: a retry, answered with the original receipt. An id claimed but
                // never accepted (a crash between the two writes of an older version) is this sender's to accept now.
                case ClaimResult.AlreadyClaimed:
                    return await AcceptanceAsync(envelope.MsgId) is { } earlier
                        ? Receipt(envelope, earlier.Timestamp, earlier.Version, recipients)
                        : await WriteAcceptanceAsync(document, keyId, claiming: false, stopping);
            }
        }
        else
        {
            (before, acceptedAt) = await stream.AppendAsync(Build);
        }
        outbox.AcceptedKeys.Record(envelope.MsgId, keyId);
        owed.ForEach(o => receipts.Track(o.Sequence, o.Receipt));
        foreach (var recipient in deliverable)
        {
            // The lane is fed from here, with the envelope and its stored bytes in hand, so it reads nothing to send it (issue #18).
            var lane = actionRecipients.Contains(recipient) ? envelope.PrecedenceAction : envelope.EffectiveInfoPrecedence;
            outbox.Hold(recipient, lane, new HeldMessage(before + 1, envelope.MsgId, envelope, body, keyId, before + 1));
            outbox.Kick(recipient, lane, stopping);
        }
        excluded.ForEach(r => DeadLetterTelemetry.Record(envelope, r, NonDeliveryReason.SecurityPolicy));
        // The journal's timestamp is the acceptance time, so a resubmission (which reads it back) gets exactly the same receipt.
        return Receipt(envelope, acceptedAt!.Value, before + 1, recipients);
    }

    /// <summary>
    /// On a refusal only (never on the way to an acceptance): was this id accepted before? By this sender for this
    /// content, the answer is the original receipt, as a retry always got; by anyone else, or for other content, a
    /// conflict. Null when it was not: the refusal stands, and the id stays free.
    /// </summary>
    private async Task<SubmitOutcome?> SettledAsync(SignedDocument document, ImmutableArray<string> recipients)
    {
        var envelope = document.Envelope;
        var accepted = (await journal.FindByMessageIdAsync(envelope.MsgId)).FirstOrDefault(e => e.Type == EntryTypes.Accepted);
        if (accepted is null)
            return null;
        // The stored bytes are canonical, so their signed part hashes as the claim did: compared without decoding them.
        var same = accepted.StreamId == stream.StreamId && SignedDocuments.SignedHash(accepted.Payload).AsSpan().SequenceEqual(document.SignedHash);
        if (same)
            return Receipt(envelope, accepted.Timestamp, accepted.Version, recipients);
        return SubmitOutcome.Refused(Conflict(envelope, accepted.StreamId == stream.StreamId ? sender : accepted.StreamId));
    }

    /// <summary>
    /// A new message the pump would dead-letter on its first pass (<see cref="DeliveryPump"/>: expired, or past
    /// <see cref="DeliveryOptions.GiveUpAfter"/> since it was created) is refused instead of accepted (issue #18).
    /// </summary>
    private MeshError? Stale(Envelope envelope)
    {
        var now = time.GetUtcNow();
        if (envelope.ExpiresAt is { } expires && expires <= now)
            return new MeshError(ErrorCodes.ArrivedStale, "$.expires_at", $"the message expired at {expires:O}, before it arrived ({now:O})");
        return envelope.CreatedAt + options.GiveUpAfter <= now
            ? new MeshError(ErrorCodes.ArrivedStale, "$.created_at",
                $"the message was created at {envelope.CreatedAt:O}, more than {options.GiveUpAfter} (Delivery:GiveUpAfter) before it arrived; the mesh would not try to deliver it")
            : null;
    }

    /// <summary>Why the id is not this sender's for this content (<paramref name="owner"/> holds it).</summary>
    private MeshError Conflict(Envelope envelope, string owner) =>
        new(ErrorCodes.MessageIdConflict, "$.msg_id", owner == sender
            ? $"message id '{envelope.MsgId}' was already used by '{sender}' for different content"
            : $"message id '{envelope.MsgId}' belongs to another sender");

    // The acceptance entry's version is both the feed position (every report on the message is appended after it) and
    // the per-sender acceptance sequence (issue #18): assigned in the accepting write, recovered with the stream's version.
    private static SubmitOutcome Receipt(Envelope envelope, DateTimeOffset acceptedAt, long acceptance, ImmutableArray<string> recipients) =>
        new(new SubmitReceipt(envelope.MsgId, acceptedAt, recipients, Position: acceptance, AcceptanceSequence: acceptance), []);

    /// <summary>
    /// Each recipient's inbox by the precedence its copy will have (info addressees get the info precedence), then the
    /// sender's rate: ROUTINE..IMMEDIATE and FLASH/OVERRIDE each have their own bucket and their own part of an inbox.
    /// </summary>
    private async Task<MeshError?> BackpressureAsync(Envelope envelope, ImmutableArray<string> recipients)
    {
        var actionRecipients = registries.Current.Expand(envelope.ToAction, sender).ToHashSet();
        Precedence Applicable(string recipient) => actionRecipients.Contains(recipient) ? envelope.PrecedenceAction : envelope.EffectiveInfoPrecedence;
        bool IsFull(string recipient) => _share.IsFull(Applicable(recipient), outbox.KnownBacklog(recipient), outbox.KnownUrgentBacklog(recipient) ?? 0);
        bool IsUnknown(string recipient) => UrgentShare.IsUrgent(Applicable(recipient)) && outbox.KnownUrgentBacklog(recipient) is null;
        // The cached backlog is only as fresh as the last delivery; ask again before refusing (and before the first urgent message).
        foreach (var recipient in recipients.Where(r => IsUnknown(r) || IsFull(r)).ToList())
        {
            await outbox.RefreshBacklogAsync(recipient);
            await outbox.RefreshUrgentBacklogAsync(recipient);
        }
        if (recipients.FirstOrDefault(IsFull) is { } full)
            return _share.Refusal(full, Applicable(full));
        if (UrgentShare.IsUrgent(envelope.PrecedenceAction))
            return _urgentRate.TryTake()
                ? null
                : new MeshError(ErrorCodes.UrgentRateExceeded, "$", $"'{sender}' is over its FLASH and OVERRIDE rate of {options.UrgentSenderRatePerSecond}/s (burst {options.UrgentSenderBurst}); retry shortly");
        return rate.TryTake()
            ? null
            : new MeshError(ErrorCodes.SenderRateExceeded, "$", $"'{sender}' is over its rate of {options.SenderRatePerSecond}/s; FLASH and OVERRIDE have their own rate, retry shortly");
    }

    private async Task<StoredEntry?> AcceptanceAsync(string messageId) =>
        (await journal.FindByMessageIdAsync(messageId)).FirstOrDefault(e => e.StreamId == stream.StreamId && e.Type == EntryTypes.Accepted);
}
