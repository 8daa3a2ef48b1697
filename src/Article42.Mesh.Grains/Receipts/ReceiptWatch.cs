namespace Article42.Mesh.Grains;

/// <summary>
/// Watches the receipts an originator's messages asked for by default (docs/design/domain.md §8.5a). Still missing at 50% and
/// at 100% of the receipt SLO, each puts an escalation in the originator's feed and a breach on its activation.
/// The deadlines are queue rows; on activation they are reloaded and one timer is armed for the earliest. Exercise
/// and drill traffic is judged on its exercise's clock (<see cref="ExerciseClocks"/>).
/// </summary>
internal sealed class ReceiptWatch(string participant, JournalStream stream, IMessageJournal journal, TimeProvider time, Func<Task> wake, ExerciseClocks? exerciseClocks = null)
{
    private readonly ExerciseClocks _clocks = exerciseClocks ?? ExerciseClocks.None;
    private const int RecipientsPerMessage = Limits.Recipients;

    /// <summary>While an exercise is paused its deadlines are unknown; its clock is read again this often until it resumes.</summary>
    private static readonly TimeSpan PausedRecheck = TimeSpan.FromSeconds(1);

    private readonly string _queue = $"await/{participant}";
    private readonly Dictionary<(string Message, string Recipient), (long Sequence, AwaitedReceipt Receipt)> _awaited = [];
    private ITimer? _timer;

    public async Task LoadAsync()
    {
        QueuePosition? after = null;
        while (await journal.FetchQueuedAsync(_queue, 500, after) is { Count: > 0 } rows)
        {
            foreach (var row in rows)
                Track(row.Sequence, RecordJson.Awaited(row.Payload));
            after = rows[^1].Position;
        }
        Arm();
    }

    /// <summary>The rows that start watching <paramref name="recipients"/> for a message accepted at <paramref name="sequence"/>.</summary>
    public static IEnumerable<(long Sequence, AwaitedReceipt Receipt)> Expect(Envelope envelope, IReadOnlyList<string> recipients, long sequence, DateTimeOffset acceptedAt)
    {
        if (envelope.AckRequest is not null || !AckDefaults.Effective(envelope).Contains(AckType.Rn) || PrecedenceSlo.For(envelope.PrecedenceAction).Receipt is not { } slo)
            yield break;
        // Operation traffic never names an exercise (the envelope rules refuse it), so only training traffic gets the exercise clock.
        var exercise = envelope.IsTraining ? envelope.ExerciseId : null;
        for (var i = 0; i < recipients.Count; i++)
            yield return (sequence * RecipientsPerMessage + i, new AwaitedReceipt(envelope.MsgId, recipients[i], envelope.Kind, envelope.PrecedenceAction, envelope.ActivationId,
                acceptedAt + slo / 2, acceptedAt + slo, ExerciseId: exercise, AcceptedAt: exercise is null ? null : acceptedAt));
    }

    public QueueChange Row((long Sequence, AwaitedReceipt Receipt) awaited) =>
        new QueueChange.Upsert(new QueuedEntry(_queue, awaited.Sequence, (int)awaited.Receipt.Precedence, RecordJson.Encode(awaited.Receipt), awaited.Receipt.MessageId));

    public void Track(long sequence, AwaitedReceipt receipt)
    {
        _awaited[(receipt.MessageId, receipt.Recipient)] = (sequence, receipt);
        Arm();
    }

    /// <summary>Stops watching what the delivered RECEIPT / NON_RECEIPT envelopes answer.</summary>
    public async Task ReceivedAsync(IEnumerable<Envelope> delivered)
    {
        var answered = delivered
            .Where(e => e.Kind is MessageKind.Receipt or MessageKind.NonReceipt && e.InReplyTo is not null)
            .Select(e => (Key: (e.InReplyTo!, e.From), Envelope: e))
            .Where(a => _awaited.ContainsKey(a.Key))
            .ToList();
        if (answered.Count == 0)
            return;
        await stream.AppendAsync(_ => (
            [.. answered.Select(a => new JournalEntry(EntryTypes.Receipted, RecordJson.Encode(new RecipientRecord(a.Envelope.From)), a.Key.Item1))],
            [.. answered.Select(a => new QueueChange.Remove(_queue, _awaited[a.Key].Sequence))]));
        answered.ForEach(a => _awaited.Remove(a.Key));
        Arm();
    }

    /// <summary>Escalates every receipt past a deadline; returns the breaches to record on activations.</summary>
    public async Task<IReadOnlyList<SloBreach>> EscalateDueAsync()
    {
        var now = time.GetUtcNow();
        var stale = _awaited.Values.Where(a => _clocks.MustRead(a.Receipt, now)).Select(a => a.Receipt.ExerciseId!).ToList();
        if (stale.Count > 0)
            await _clocks.ReadAsync(stale, _awaited.Values.Select(a => a.Receipt.ExerciseId).OfType<string>().ToHashSet(StringComparer.Ordinal));
        var due = _awaited.Values.Where(a => _clocks.Deadline(a.Receipt) <= now).ToList();
        if (due.Count == 0)
        {
            Arm();
            return [];
        }
        var breaches = due.Select(a => new SloBreach(a.Receipt.MessageId, participant, a.Receipt.Recipient, a.Receipt.Kind, a.Receipt.Precedence, a.Receipt.HalfEscalated ? 100 : 50, now)).ToList();
        await stream.AppendAsync(_ => (
            [.. breaches.Select(b => new JournalEntry(EntryTypes.Escalated, RecordJson.Encode(new EscalationRecord(b.Recipient, b.ThresholdPercent)), b.MessageId))],
            [.. due.Select(a => a.Receipt.HalfEscalated
                ? (QueueChange)new QueueChange.Remove(_queue, a.Sequence)
                : Row((a.Sequence, a.Receipt with { HalfEscalated = true })))]));
        foreach (var breach in breaches)
            MeshTelemetry.Escalations.Add(1, new KeyValuePair<string, object?>("a42.threshold", breach.ThresholdPercent), new KeyValuePair<string, object?>("a42.precedence", EnvelopeCodec.WireName(breach.Precedence)));
        foreach (var (sequence, receipt) in due)
        {
            if (receipt.HalfEscalated)
                _awaited.Remove((receipt.MessageId, receipt.Recipient));
            else
                _awaited[(receipt.MessageId, receipt.Recipient)] = (sequence, receipt with { HalfEscalated = true });
        }
        Arm();
        return breaches;
    }

    /// <summary>One timer, for the earliest deadline; it calls back into the grain, which escalates in its own turn.</summary>
    private void Arm()
    {
        _timer?.Dispose();
        _timer = null;
        if (_awaited.Count == 0)
            return;
        var now = time.GetUtcNow();
        var next = _awaited.Values.Min(a => _clocks.Deadline(a.Receipt) ?? now + PausedRecheck);
        var delay = next - now;
        _timer = time.CreateTimer(_ => _ = wake(), null, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan);
    }

    public void Stop() => _timer?.Dispose();
}
