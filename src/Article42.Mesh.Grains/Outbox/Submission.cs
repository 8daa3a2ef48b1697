using System.Security.Cryptography;

namespace Article42.Mesh.Grains;

/// <summary>
/// Accepting a checked message: the message-id rule first (same sender and content = the original receipt;
/// anything else = conflict), so nothing can record a message under an id it does not own; backpressure; then,
/// once the activation judged it legal, one atomic append of the acceptance, the per-recipient outbox rows and
/// the immediate NDRs of recipients the label excludes. Only then is there a receipt.
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
    /// Before anything else records the message (the activation included): a resubmission gets its original receipt;
    /// otherwise the id is claimed for this sender and content (a conflict is refused), then backpressure applies.
    /// Null means: go on and judge, then <see cref="AcceptAsync"/>.
    /// </summary>
    public async Task<SubmitOutcome?> AdmitAsync(Envelope envelope)
    {
        var recipients = registries.Current.Expand(envelope.ToAction.Concat(envelope.ToInfo), sender);
        var claim = await journal.ClaimMessageIdAsync(envelope.MsgId, sender, SHA256.HashData(EnvelopeCodec.CanonicalBytes(envelope)));
        if (claim is ClaimResult.Refused refused)
            return SubmitOutcome.Refused(Conflict(envelope, refused));
        // A fresh claim means the id was never accepted (the claim comes first), so only a retry reads for its receipt.
        if (claim is ClaimResult.AlreadyClaimed && await AcceptanceAsync(envelope.MsgId) is { } earlier)
            return Receipt(envelope, earlier.Timestamp, earlier.Version, recipients);
        if (Stale(envelope) is { } stale)
            return SubmitOutcome.Refused(stale);
        return await BackpressureAsync(envelope, recipients) is { } busy ? SubmitOutcome.Refused(busy) : null;
    }

    /// <summary>One append of the acceptance, the outbox rows and the immediate NDRs; the id is already claimed.</summary>
    public async Task<SubmitOutcome> AcceptAsync(Envelope envelope, CancellationToken stopping)
    {
        var recipients = registries.Current.Expand(envelope.ToAction.Concat(envelope.ToInfo), sender);
        var actionRecipients = registries.Current.Expand(envelope.ToAction, sender).ToHashSet();
        var deliverable = recipients.Where(r => registries.Current.Find(r) is { } p && SecurityPolicy.MayDeliver(envelope.Label, p, registries.Current)).ToList();
        var excluded = recipients.Except(deliverable).ToList();
        var body = EnvelopeCodec.Encode(envelope);
        var owed = new List<(long Sequence, AwaitedReceipt Receipt)>();
        var (before, acceptedAt) = await stream.AppendAsync(before =>
        {
            owed.AddRange(ReceiptWatch.Expect(envelope, [.. deliverable.Where(actionRecipients.Contains)], before + 1, time.GetUtcNow()));
            var sequence = before + 1;
            List<JournalEntry> entries = [new(EntryTypes.Accepted, body, envelope.MsgId)];
            entries.AddRange(excluded.Select(r => new JournalEntry(EntryTypes.DeadLettered, RecordJson.Encode(new RecipientRecord(r, NonDeliveryReason.SecurityPolicy)), envelope.MsgId)));
            var rows = deliverable.Select(r => (QueueChange)new QueueChange.Upsert(new QueuedEntry(
                QueueIds.Outbox(sender, r), sequence, (int)(actionRecipients.Contains(r) ? envelope.PrecedenceAction : envelope.EffectiveInfoPrecedence), body, envelope.MsgId)));
            return (entries, [.. rows, .. owed.Select(receipts.Row)]);
        });
        owed.ForEach(o => receipts.Track(o.Sequence, o.Receipt));
        deliverable.ForEach(r => outbox.Kick(r, stopping));
        excluded.ForEach(r => DeadLetterTelemetry.Record(envelope, r, NonDeliveryReason.SecurityPolicy));
        // The journal's timestamp is the acceptance time, so a resubmission (which reads it back) gets exactly the same receipt.
        return Receipt(envelope, acceptedAt!.Value, before + 1, recipients);
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

    /// <summary>Why the id is not this sender's for this content.</summary>
    private MeshError Conflict(Envelope envelope, ClaimResult.Refused refused) =>
        new(ErrorCodes.MessageIdConflict, "$.msg_id", refused.Existing.Owner == sender
            ? $"message id '{envelope.MsgId}' was already used by '{sender}' for different content"
            : $"message id '{envelope.MsgId}' belongs to another sender");

    // The position is the acceptance entry's version: every report on the message is appended after it.
    private static SubmitOutcome Receipt(Envelope envelope, DateTimeOffset acceptedAt, long position, ImmutableArray<string> recipients) =>
        new(new SubmitReceipt(envelope.MsgId, acceptedAt, recipients, position), []);

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
