using System.Runtime.CompilerServices;

namespace Article42.Mesh.Gateway;

public sealed partial class MeshGateway
{
    /// <summary>
    /// What became of the messages this gateway sent, as typed events, each once (with
    /// <see cref="MeshGatewayOptions.StateDirectory"/>, across restarts too): <see cref="Delivered"/> and
    /// <see cref="NotDelivered"/> and <see cref="Escalated"/> from the mesh's report feed; <see cref="ReceiptReceived"/>,
    /// <see cref="NonReceiptReceived"/> and <see cref="ActionAcknowledged"/> from the inbox (unless
    /// <see cref="MeshGatewayOptions.AcknowledgementsAsEvents"/> is off), acknowledged in the mesh once yielded here.
    /// Starts the inbox like <see cref="ReceiveAsync"/>: read both.
    /// </summary>
    public IAsyncEnumerable<MeshEvent> EventsAsync(CancellationToken cancellation = default) => ReadEventsAsync(StartInbox(), afterPosition: 0, cancellation);

    /// <summary>
    /// Only the mesh's report feed on what this gateway sent (<see cref="Delivered"/>, <see cref="NotDelivered"/>,
    /// <see cref="Escalated"/>), each once, without opening the inbox: for a sender that leaves its inbox to another
    /// process (<c>a42 send --wait-delivery</c> beside an <c>a42 listen</c>). Do not mix with <see cref="EventsAsync"/>.
    /// </summary>
    public IAsyncEnumerable<MeshEvent> ReportsAsync(CancellationToken cancellation = default) => ReadEventsAsync(pump: null, afterPosition: 0, cancellation);

    /// <summary>
    /// Like <see cref="ReportsAsync(CancellationToken)"/>, but only the reports after <paramref name="afterPosition"/> in the
    /// feed: a sender waiting for the reports on one message passes its <see cref="SubmitReceipt.Position"/>, and the feed
    /// is read from there, not from the start of its history.
    /// </summary>
    public IAsyncEnumerable<MeshEvent> ReportsAsync(long afterPosition, CancellationToken cancellation = default) =>
        ReadEventsAsync(pump: null, afterPosition, cancellation);

    private async IAsyncEnumerable<MeshEvent> ReadEventsAsync(InboxPump? pump, long afterPosition, [EnumeratorCancellation] CancellationToken cancellation)
    {
        StartReports(afterPosition);
        var reader = _events.Reader;
        while (await reader.WaitToReadAsync(cancellation).ConfigureAwait(false))
        {
            while (reader.TryRead(out var pending))
            {
                if (pending.InboxMessageId is { } id)
                {
                    var fresh = _handed.TryHand(id) != Handing.Withheld;
                    pump?.Unbuffer(id);
                    if (!fresh)
                        continue;
                    _ = AcknowledgeQuietlyAsync([id], _stopping.Token);
                }
                else if (!pending.IsLocal && (pending.ReportPosition <= afterPosition || !_cursor.TryAdvance(pending.ReportPosition)))
                {
                    continue;
                }
                yield return pending.Event;
            }
        }
    }

    private void StartReports(long afterPosition)
    {
        lock (_starting)
        {
            if (_reportsStarted)
                return;
            _reportsStarted = true;
            _background.Add(Task.Run(() => ReportsLoopAsync(Math.Max(_cursor.Position, afterPosition), _stopping.Token)));
        }
    }

    // The mesh says how far it read (reports or not), and the next poll starts there: a stream of mostly other entries
    // (a participant that mostly receives) is read once, not at every poll.
    private async Task ReportsLoopAsync(long after, CancellationToken cancellation)
    {
        var failures = 0;
        try
        {
            while (!cancellation.IsCancellationRequested)
            {
                bool more;
                try
                {
                    var outcome = await _calls.WithSessionAsync(_sending, t => _link.Grain.ReportsAsync(t, after, _options.FetchBatch), o => o.Error is null ? [] : [o.Error], cancellation).ConfigureAwait(false);
                    if (outcome.Error is { } error)
                        throw new MeshRefusedException("the mesh refused the report feed", [error]);
                    foreach (var report in outcome.Reports)
                    {
                        if (ToEvent(report) is { } reported)
                            await _events.Writer.WriteAsync(new PendingEvent(reported, null, report.Position), cancellation).ConfigureAwait(false);
                        after = Math.Max(after, report.Position);
                    }
                    after = Math.Max(after, outcome.ReadUpTo);
                    more = outcome.More || outcome.Reports.Length >= _options.FetchBatch;
                    failures = 0;
                }
                catch (Exception ex) when (Transient.Is(ex) && !cancellation.IsCancellationRequested)
                {
                    await Task.Delay(Transient.Backoff(failures++, _options.RetryBaseDelay, _options.RetryMaxDelay), _options.TimeProvider, cancellation).ConfigureAwait(false);
                    continue;
                }
                if (!more)
                    await _reportsWakeup.WaitAsync(_options.ReportPollInterval, _options.TimeProvider, cancellation).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception ex)
        {
            _events.Writer.TryComplete(ex);
        }
    }

    private static MeshEvent? ToEvent(DeliveryReport report) => report.Kind switch
    {
        ReportKind.Delivered => new Delivered(report.MessageId, report.Recipient, report.At),
        ReportKind.NotDelivered => new NotDelivered(report.MessageId, report.Recipient, report.Reason, report.At),
        ReportKind.Escalated => new Escalated(report.MessageId, report.Recipient, report.ThresholdPercent ?? 0, report.At),
        _ => null,
    };
}
