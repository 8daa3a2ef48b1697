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
    RecordedKeyIds? acceptedKeys = null)
{
    /// <summary>Passes over rows that do not decode before they are dead-lettered with NDR <c>CORRUPT</c>.</summary>
    public const int MaxDecodeAttempts = 3;

    private readonly string _queue = QueueIds.Outbox(sender, recipient);
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
            var read = await journal.FetchQueuedInBandAsync(_queue, (int)lane, 0, options.MaxBatch, stopping);
            var rows = WithinBytes(read);
            if (rows.Count == 0)
            {
                if (_kicked)
                    continue;
                return;
            }
            try
            {
                // A read shorter than a batch, sent whole, emptied the lane: only a row queued since (a kick) is left, so
                // without one the pass ends here instead of reading the empty band (issue #18: -1 read per message).
                var emptied = await DispatchAsync(rows, stopping) && rows.Count == read.Count && read.Count < options.MaxBatch;
                _failedPasses = 0;
                if (emptied && !_kicked)
                    return;
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

    /// <summary>Delivers the rows and records them delivered; false when it only dead-lettered them or passed over corrupt ones.</summary>
    private async Task<bool> DispatchAsync(IReadOnlyList<QueuedEntry> rows, CancellationToken stopping)
    {
        var now = time.GetUtcNow();
        var pending = new List<(QueuedEntry Row, Envelope Envelope)>(rows.Count);
        var corrupt = new List<(QueuedEntry Row, MeshError? Error)>();
        foreach (var row in rows)
        {
            var decoded = EnvelopeCodec.Decode(row.Payload);
            if (decoded.IsSuccess && decoded.Value is { } envelope)
                pending.Add((row, envelope));
            else
                corrupt.Add((row, decoded.Errors.FirstOrDefault()));
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
        foreach (var (_, envelope) in pending)
            keyIds.Add(acceptedKeys is null ? null : await acceptedKeys.OfAsync(envelope.MsgId));
        // An outbox row's sequence is the message's acceptance sequence (the acceptance entry's version): rows come in its order.
        var batch = new DeliveryBatch(sender, [.. pending.Select(p => p.Envelope)], keyIds.MoveToImmutable(), [.. pending.Select(p => p.Row.Sequence)], lane);
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
        await RecordAsync(EntryTypes.Delivered, [.. pending.Select(p => (p.Row, (NonDeliveryReason?)null))]);
        return true;
    }

    /// <summary>
    /// Rows that do not decode (storage damage, or rows stored before the size limit applied at submit): tried again
    /// after a backoff in case the read was at fault, then dead-lettered with NDR <c>CORRUPT</c> to the sender.
    /// </summary>
    private async Task CorruptAsync(List<(QueuedEntry Row, MeshError? Error)> corrupt, CancellationToken stopping)
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

    /// <summary>
    /// The first rows whose payloads together stay within <see cref="MeshDefaults.BatchPayloadBytes"/> (at least one), so a
    /// batch fits Orleans' message limit (<see cref="MeshDefaults.SiloMessageBodyBytes"/>); the rest wait for the next pass.
    /// </summary>
    private static IReadOnlyList<QueuedEntry> WithinBytes(IReadOnlyList<QueuedEntry> rows)
    {
        long bytes = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            bytes += rows[i].Payload.Length;
            if (bytes > MeshDefaults.BatchPayloadBytes && i > 0)
                return [.. rows.Take(i)];
        }

        return rows;
    }

    private TimeSpan Backoff(int attempt) =>
        TimeSpan.FromTicks(Math.Min(options.RetryMaxDelay.Ticks, options.RetryBaseDelay.Ticks << Math.Min(attempt - 1, 20)));

    private Task RecordAsync(string type, IReadOnlyList<(QueuedEntry Row, NonDeliveryReason? Reason)> done) =>
        stream.AppendAsync(_ => (
            [.. done.Select(d => new JournalEntry(type, RecordJson.Encode(new RecipientRecord(recipient, d.Reason)), d.Row.MessageId))],
            [.. done.Select(d => new QueueChange.Remove(_queue, d.Row.Sequence))]));

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
