using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Article42.Mesh.Gateway;

/// <summary>
/// Keeps the gateway's buffer filled from its inbox: fetches in the mesh's order (highest precedence first, then by
/// sequence), again at once while batches come back full, else when the doorbell rings or the poll interval passes.
/// A message the application was already handed in this lifetime (the mesh re-hands unacknowledged ones to every new
/// session) or that already waits in the buffer is not buffered again. A fetch whose answer was lost may have handed messages to the
/// session that will never reach it, so after a failed fetch the session is re-opened: a new one gets them again.
/// Acknowledgement messages already turned into events come back the same way; nothing else acknowledges them in the
/// mesh, so the pump does (<paramref name="acknowledge"/>, quietly). With <paramref name="checks"/> (issue #21) nothing is
/// fetched before the gateway holds a verified registry, and a message that fails its check goes to the events as a
/// <see cref="ReceivedMessageRejected"/>, never to the buffer; yielded there, it is acknowledged like an event.
/// </summary>
internal sealed class InboxPump(
    Func<IParticipantGrain> grain, MeshSession session, GrainCalls calls, HandedLog handed, MeshGatewayOptions options,
    Wakeup wakeup, ChannelWriter<PendingEvent> events, Func<IReadOnlyCollection<string>, CancellationToken, Task> acknowledge,
    ReceivedChecks? checks = null)
{
    private readonly ConcurrentDictionary<string, byte> _buffered = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Envelope> _held = new(StringComparer.Ordinal);
    private readonly PrecedenceBuffer _inbox = new(Math.Max(1, options.BufferCapacity));

    /// <summary>Messages for the application, highest precedence first, then in fetch order (issue 18).</summary>
    public ChannelReader<InboxMessage> Inbox => _inbox;

    /// <summary>Envelopes handed to the application and not yet acknowledged, so an acknowledgement by id can still send its receipt.</summary>
    public ConcurrentDictionary<string, Envelope> Held => _held;

    /// <summary>A buffered message leaves the buffer (handed or dropped as a duplicate).</summary>
    public void Unbuffer(string messageId) => _buffered.TryRemove(messageId, out _);

    public async Task RunAsync(CancellationToken cancellation)
    {
        var failures = 0;
        try
        {
            while (!cancellation.IsCancellationRequested)
            {
                int fetched;
                try
                {
                    if (checks is not null)
                    {
                        await checks.RefreshIfDueAsync(cancellation).ConfigureAwait(false);
                        if (!checks.HasRegistry)
                        {
                            // Nothing verifiable yet (a refused document was raised as an event): the inbox waits in the mesh.
                            await wakeup.WaitAsync(options.PollInterval, options.TimeProvider, cancellation).ConfigureAwait(false);
                            continue;
                        }
                    }
                    // The span clock is the Activity's own (the system clock), not the gateway's TimeProvider.
                    var fetchStarted = DateTimeOffset.UtcNow;
                    var outcome = await calls.WithSessionAsync(session, t => grain().FetchAsync(t, options.FetchBatch), o => o.Error is null ? [] : [o.Error], cancellation).ConfigureAwait(false);
                    if (outcome.Error is { } error)
                        throw new MeshRefusedException("the mesh refused to fetch", [error]);
                    GatewayTelemetry.Received(outcome.Messages, options.Participant, fetchStarted);
                    foreach (var message in outcome.Messages)
                        await BufferAsync(message, cancellation).ConfigureAwait(false);
                    fetched = outcome.Messages.Length;
                    failures = 0;
                }
                catch (Exception ex) when (Transient.Is(ex) && !cancellation.IsCancellationRequested)
                {
                    session.InvalidateCurrent();
                    await Task.Delay(Transient.Backoff(failures++, options.RetryBaseDelay, options.RetryMaxDelay), options.TimeProvider, cancellation).ConfigureAwait(false);
                    continue;
                }
                if (fetched < options.FetchBatch)
                    await wakeup.WaitAsync(options.PollInterval, options.TimeProvider, cancellation).ConfigureAwait(false);
            }
            _inbox.TryComplete();
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            _inbox.TryComplete();
        }
        catch (Exception ex)
        {
            // A refusal no retry can fix (a key the registry does not hold, say): the application hears it from ReceiveAsync.
            _inbox.TryComplete(ex);
            events.TryComplete(ex);
        }
    }

    private async Task BufferAsync(InboxMessage fetched, CancellationToken cancellation)
    {
        var (message, intact) = ReceivedDocuments.Open(fetched);
        var id = message.Envelope.MsgId;
        if (checks is not null && await checks.RejectionAsync(message, intact, cancellation).ConfigureAwait(false) is { } rejected)
        {
            // Surfaced before and only its acknowledgement was lost: acknowledge it again; else surface it once.
            if (handed.Contains(id))
                _ = acknowledge([id], cancellation);
            else if (_buffered.TryAdd(id, 0))
                await events.WriteAsync(new PendingEvent(rejected, id, 0), cancellation).ConfigureAwait(false);
            return;
        }
        var asEvent = options.AcknowledgementsAsEvents ? Replies.AsEvent(message.Envelope) : null;
        // A message handed before a restart goes to the application again (flagged); an event is yielded once, ever.
        if (asEvent is not null ? handed.Contains(id) : handed.IsHandedNow(id))
        {
            // Handed before this session (an event: or before a restart) and not acknowledged yet.
            if (asEvent is not null)
                _ = acknowledge([id], cancellation);
            else
                _held.TryAdd(id, message.Envelope);
            return;
        }
        if (!_buffered.TryAdd(id, 0))
            return;
        if (asEvent is not null)
            await events.WriteAsync(new PendingEvent(asEvent, id, 0), cancellation).ConfigureAwait(false);
        else
            await _inbox.WriteAsync(message, cancellation).ConfigureAwait(false);
    }
}
