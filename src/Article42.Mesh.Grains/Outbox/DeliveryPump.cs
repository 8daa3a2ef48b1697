using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Polly;

namespace Article42.Mesh.Grains;

/// <summary>
/// Delivers one sender's pending messages of one precedence to one recipient (a lane), a batch at a time in queue
/// order, so the per-(sender, recipient, precedence) order holds; the lanes of the other precedences run beside it, so a
/// FLASH never waits for a ROUTINE batch in flight (issue 18; docs/design/architecture.md §4). Past its deadline a
/// message is dead-lettered with an NDR. Runs inside the sender's activation, interleaved with its requests; everything
/// it knows is in the journal.
/// </summary>
internal sealed class DeliveryPump(
    string sender,
    string recipient,
    Precedence lane,
    RecipientBacklog backlog,
    JournalStream stream,
    IMessageJournal journal,
    IRegistryHolder registries,
    Func<DeliveryBatch, CancellationToken, Task<DeliveryOutcome>> deliver,
    DeliveryOptions options,
    TimeProvider time,
    ILogger logger,
    RecordedKeyIds? acceptedKeys = null,
    HeldRows? held = null,
    DeliveryCheckpoint? checkpoint = null)
{
    /// <summary>Passes over rows that do not decode before they are dead-lettered with NDR <c>CORRUPT</c>.</summary>
    public const int MaxDecodeAttempts = 3;

    private readonly string _queue = QueueIds.Outbox(sender, recipient);

    /// <summary>
    /// The lane's pending rows, fed by the submit that queued each one, so a pass reads nothing (issue #18). After an
    /// activation the rows the journal holds are read once, a batch at a time, before anything newer is sent.
    /// </summary>
    private readonly HeldRows _held = held ?? new HeldRows(new HeldBytes(0), complete: false);
    private int _failedPasses;
    private int _corruptPasses;
    private bool _kicked;
    private Task _running = Task.CompletedTask;

    /// <summary>The deadline of the batch in flight (one at a time per pump), read by the retry policy.</summary>
    private DateTimeOffset _deadline;

    /// <summary>The retry policy, built once per pump rather than once per batch (issue #18: an allocation per batch).</summary>
    private ResiliencePipeline? _pipeline;

    /// <summary>Retries of the current batch so far (attempt number, delay), for logs and tests.</summary>
    public List<(int Attempt, TimeSpan Delay)> Retries { get; } = [];

    public Task Running => _running;

    /// <summary>Every pass that met stored rows that do not decode, for tests: bounded by <see cref="MaxDecodeAttempts"/> per row.</summary>
    public int DecodeFailures { get; private set; }

    /// <summary>Makes sure the pump runs and looks at the queue again, even if a fetch is in flight.</summary>
    public void Kick(CancellationToken stopping)
    {
        _kicked = true;
        if (_running.IsCompleted)
            _running = RunAsync(stopping);
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            _kicked = false;
            try
            {
                var rows = await NextBatchAsync(stopping);
                if (rows.Count == 0)
                {
                    if (_kicked)
                        continue;
                    return;
                }
                await DispatchAsync(rows, stopping);
                _failedPasses = 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not StaleActivationException)
            {
                // The retry policy stopped at the batch's deadline; the next pass dead-letters what expired. Whatever
                // failed, the next pass waits (growing, capped): a failure that repeats must never become a hot loop.
                logger.LogWarning(ex, "Delivery {Sender} -> {Recipient} ({Lane}) stopped retrying this pass", sender, recipient, lane);
                await Task.Delay(Backoff(++_failedPasses), time, stopping);
            }
        }
    }

    /// <summary>Holds a row the submit just queued in this lane (its acceptance committed), within the activation's cap.</summary>
    public void Hold(HeldMessage row) => _held.Add(row);

    /// <summary>Rows of the lane held in memory, for tests.</summary>
    public int HeldCount => _held.Count;

    /// <summary>
    /// The next batch, in sequence order, within <see cref="MeshDefaults.BatchPayloadBytes"/> (at least one row), so a
    /// batch fits Orleans' message limit (<see cref="MeshDefaults.SiloMessageBodyBytes"/>): from memory, with no read,
    /// unless memory does not hold the lane's next rows (after an activation, or past the activation's byte cap): then
    /// from one read of the journal after what memory holds.
    /// </summary>
    private async Task<List<HeldMessage>> NextBatchAsync(CancellationToken stopping)
    {
        var candidates = _held.After(0).Take(options.MaxBatch).ToList();
        if (candidates.Count == 0 && !_held.Complete)
        {
            var read = await journal.FetchQueuedInBandAsync(_queue, (int)lane, _held.ReadThrough, options.MaxBatch, stopping);
            candidates = _held.Read(read, _held.ReadThrough, reachedEnd: read.Count < options.MaxBatch);
        }
        var batch = new List<HeldMessage>(candidates.Count);
        long bytes = 0;
        foreach (var row in candidates)
        {
            bytes += row.Bytes;
            if (bytes > MeshDefaults.BatchPayloadBytes && batch.Count > 0)
                break;
            batch.Add(row);
        }
        return batch;
    }

    /// <summary>Delivers the rows and records them delivered; false when it only dead-lettered them or passed over corrupt ones.</summary>
    private async Task<bool> DispatchAsync(List<HeldMessage> rows, CancellationToken stopping)
    {
        var now = time.GetUtcNow();
        var pending = new List<(HeldMessage Row, Envelope Envelope)>(rows.Count);
        var corrupt = new List<(HeldMessage Row, MeshError? Error)>();
        foreach (var row in rows)
        {
            var (envelope, error) = StoredMessages.Open(row);
            if (envelope is not null)
                pending.Add((row, envelope));
            else
                corrupt.Add((row, error));
        }
        if (corrupt.Count > 0)
        {
            await CorruptAsync(corrupt, stopping);
            return false;
        }
        _corruptPasses = 0;
        var dead = pending.Select(p => (p.Row, p.Envelope, Reason: DeadLetterReason(p.Envelope, now))).Where(p => p.Reason is not null).ToList();
        if (dead.Count > 0)
        {
            await RecordAsync(EntryTypes.DeadLettered, [.. dead.Select(d => (d.Row, d.Reason))]);
            dead.ForEach(d => DeadLetterTelemetry.Record(d.Envelope, recipient, d.Reason!.Value));
            return false;
        }
        Retries.Clear();
        _deadline = pending.Min(p => Deadline(p.Envelope));
        var keyIds = ImmutableArray.CreateBuilder<string?>(pending.Count);
        foreach (var (row, envelope) in pending)
            keyIds.Add(row.KeyIdKnown || acceptedKeys is null ? row.KeyId : await acceptedKeys.OfAsync(envelope.MsgId));
        // An outbox row's sequence is the message's acceptance sequence (the acceptance entry's version): rows come in its order.
        var batch = new DeliveryBatch(sender, [.. pending.Select(p => p.Envelope)], keyIds.MoveToImmutable(), [.. pending.Select(p => p.Row.Sequence)], lane,
            [.. pending.Select(p => StoredMessages.DocumentOf(p.Row))]);
        using var dispatch = MeshTelemetry.Start("dispatch", "process", ActivityKind.Producer, batch.Envelopes, recipient);
        dispatch?.SetTag("a42.recipient", recipient);
        var attempt = 0;
        var pipeline = _pipeline ??= DeliveryRetry.Create(options, time, () => _deadline, (retry, delay) =>
        {
            Retries.Add((retry, delay));
            MeshTelemetry.Retried.Add(1, new KeyValuePair<string, object?>("a42.recipient", recipient));
        });
        // Polly resumes after its backoff off the captured context unless told otherwise; a retry must run on the
        // activation's scheduler, where grain calls are allowed ("activation access violation" otherwise).
        var context = ResilienceContextPool.Shared.Get(continueOnCapturedContext: true, cancellationToken: stopping);
        DeliveryOutcome outcome;
        try
        {
            outcome = await pipeline.ExecuteAsync(async context =>
            {
                // Each attempt is its own span, so a retry after a silo crash shows in the message's trace.
                using var send = MeshTelemetry.Source.StartActivity($"send {recipient}", ActivityKind.Client);
                send?.SetTag("messaging.system", MeshTelemetry.MessagingSystem);
                send?.SetTag("messaging.operation.name", "send");
                send?.SetTag("messaging.operation.type", "send");
                send?.SetTag("messaging.destination.name", recipient);
                send?.SetTag("a42.attempt", ++attempt);
                send?.SetTag("a42.recipient", recipient);
                try
                {
                    return await deliver(batch, context.CancellationToken);
                }
                catch (Exception ex)
                {
                    MeshTelemetry.Fail(send, ex.GetType().Name, ex.Message);
                    throw;
                }
            }, context);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
        dispatch?.SetTag("a42.attempt", attempt);
        backlog.Total = outcome.Backlog;
        backlog.Urgent = outcome.UrgentBacklog;
        // The delivery records ride on the sender's next write (issue #18): the recipient holds the batch durably, and a
        // crash before they are written costs a redelivery that its high-water mark drops.
        if (checkpoint is null)
        {
            await RecordAsync(EntryTypes.Delivered, [.. pending.Select(p => (p.Row, (NonDeliveryReason?)null))]);
            return true;
        }
        foreach (var (row, _) in pending)
        {
            checkpoint.Record(new JournalEntry(EntryTypes.Delivered, RecordJson.Encode(new RecipientRecord(recipient)), row.MessageId), new QueueChange.Remove(_queue, row.Sequence), stopping);
            _held.Passed(row.Sequence);
        }
        return true;
    }

    /// <summary>
    /// Rows that do not decode (storage damage, or rows stored before the size limit applied at submit): tried again
    /// after a backoff in case the read was at fault, then dead-lettered with NDR <c>CORRUPT</c> to the sender.
    /// </summary>
    private async Task CorruptAsync(List<(HeldMessage Row, MeshError? Error)> corrupt, CancellationToken stopping)
    {
        DecodeFailures++;
        var attempt = ++_corruptPasses;
        var (first, error) = corrupt[0];
        logger.LogWarning("Delivery {Sender} -> {Recipient}: {Count} stored message(s) do not decode (first {MessageId}: {Error}), pass {Attempt} of {Max}",
            sender, recipient, corrupt.Count, ValidationContext.Truncate(first.MessageId ?? ""), ValidationContext.Truncate(error?.ToString() ?? "no envelope"), attempt, MaxDecodeAttempts);
        if (attempt < MaxDecodeAttempts)
        {
            await Task.Delay(Backoff(attempt), time, stopping);
            return;
        }
        _corruptPasses = 0;
        await RecordAsync(EntryTypes.DeadLettered, [.. corrupt.Select(c => (c.Row, (NonDeliveryReason?)NonDeliveryReason.Corrupt))]);
        MeshTelemetry.DeadLettered.Add(corrupt.Count, new KeyValuePair<string, object?>("error.type", EnvelopeCodec.WireName(NonDeliveryReason.Corrupt)));
    }

    private TimeSpan Backoff(int attempt) =>
        TimeSpan.FromTicks(Math.Min(options.RetryMaxDelay.Ticks, options.RetryBaseDelay.Ticks << Math.Min(attempt - 1, 20)));

    /// <summary>Writes the rows' outcome and takes them off the queue; once it committed, memory lets them go.</summary>
    private async Task RecordAsync(string type, IReadOnlyList<(HeldMessage Row, NonDeliveryReason? Reason)> done)
    {
        await stream.AppendAsync(_ => (
            [.. done.Select(d => new JournalEntry(type, RecordJson.Encode(new RecipientRecord(recipient, d.Reason)), d.Row.MessageId))],
            [.. done.Select(d => new QueueChange.Remove(_queue, d.Row.Sequence))]));
        foreach (var (row, _) in done)
            _held.Passed(row.Sequence);
    }

    private NonDeliveryReason? DeadLetterReason(Envelope envelope, DateTimeOffset now)
    {
        if (!registries.Current.Contains(recipient))
            return NonDeliveryReason.UnknownRecipient;
        if (envelope.ExpiresAt <= now)
            return NonDeliveryReason.Expired;
        return envelope.CreatedAt + options.GiveUpAfter <= now ? NonDeliveryReason.Unreachable : null;
    }

    private DateTimeOffset Deadline(Envelope envelope) =>
        envelope.ExpiresAt is { } expires && expires < envelope.CreatedAt + options.GiveUpAfter ? expires : envelope.CreatedAt + options.GiveUpAfter;
}
