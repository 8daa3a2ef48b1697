using System.Collections.Concurrent;
using System.Diagnostics;

namespace Article42.Mesh.Load.Measuring;

/// <summary>
/// What was sent and what arrived, shared by every gateway of a system under test. Latency is the moment a recipient's
/// gateway hands the message to the application (ready to acknowledge) minus the moment its send started (for the open
/// loop: the moment it was due, so a stalled sender does not hide its own delay). Inside a measurement window it counts
/// sends and received copies and records the latency of every message sent in the window, by precedence.
/// </summary>
public sealed class DeliveryTracker
{
    private readonly ConcurrentDictionary<string, PendingMessage> _pending = new(StringComparer.Ordinal);
    private readonly LatencyByPrecedence _latency = new();
    private readonly ConcurrentDictionary<Precedence, bool> _sentPrecedences = new();
    private volatile bool _measuring;
    private long _sent;
    private long _received;
    private long _measuredOutstanding;
    private long _failed;
    private long _everReceived;
    private long _parked;

    /// <summary>Registers a message about to be sent to <paramref name="copies"/> recipients.</summary>
    public PendingMessage Expect(string messageId, Precedence precedence, int copies, long startTimestamp)
    {
        var measured = _measuring;
        var pending = new PendingMessage(precedence, copies, startTimestamp, measured);
        _pending[messageId] = pending;
        if (measured)
        {
            Interlocked.Increment(ref _sent);
            Interlocked.Increment(ref _measuredOutstanding);
            _sentPrecedences.TryAdd(precedence, true);
        }
        return pending;
    }

    /// <summary>The send failed for good: the message will never arrive.</summary>
    public void Failed(string messageId)
    {
        if (!_pending.TryRemove(messageId, out var pending))
            return;
        Interlocked.Increment(ref _failed);
        if (pending.Measured)
            Interlocked.Decrement(ref _measuredOutstanding);
        pending.Done.TrySetException(new InvalidOperationException($"message {messageId} was not sent"));
    }

    /// <summary>A recipient's gateway handed <paramref name="messageId"/> to the application.</summary>
    public void Received(string messageId)
    {
        var now = Stopwatch.GetTimestamp();
        if (!_pending.TryGetValue(messageId, out var pending))
            return;
        Interlocked.Increment(ref _everReceived);
        if (_measuring)
            Interlocked.Increment(ref _received);
        if (pending.Measured)
            _latency.Record(pending.Precedence, (long)Stopwatch.GetElapsedTime(pending.StartTimestamp, now).TotalMicroseconds);
        if (!pending.CopyReceived())
            return;
        _pending.TryRemove(messageId, out _);
        if (pending.Measured)
            Interlocked.Decrement(ref _measuredOutstanding);
        pending.Done.TrySetResult();
    }

    /// <summary>Starts a measurement window: counters and histograms from zero.</summary>
    public void Begin()
    {
        _latency.Reset();
        Interlocked.Exchange(ref _sent, 0);
        Interlocked.Exchange(ref _received, 0);
        Interlocked.Exchange(ref _failed, 0);
        Interlocked.Exchange(ref _measuredOutstanding, 0);
        _sentPrecedences.Clear();
        _measuring = true;
    }

    /// <summary>Ends the window: messages sent from now on are not measured; what was sent in it may still arrive.</summary>
    public (long Sent, long Received) End()
    {
        _measuring = false;
        return (Interlocked.Read(ref _sent), Interlocked.Read(ref _received));
    }

    /// <summary>Waits until every message sent in the window arrived everywhere; returns how many did not in time.</summary>
    public async Task<long> DrainAsync(TimeSpan within)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(within.TotalSeconds * Stopwatch.Frequency);
        while (Interlocked.Read(ref _measuredOutstanding) > 0 && Stopwatch.GetTimestamp() < deadline)
            await Task.Delay(20);
        return Interlocked.Read(ref _measuredOutstanding);
    }

    /// <summary>Messages sent in the current (or last) window so far.</summary>
    public long SentInWindow => Interlocked.Read(ref _sent);

    /// <summary>Copies received in the current (or last) window so far.</summary>
    public long ReceivedInWindow => Interlocked.Read(ref _received);

    public long FailedSends => Interlocked.Read(ref _failed);

    /// <summary>Copies of tracked messages received since the tracker was made, measured or not.</summary>
    public long EverReceived => Interlocked.Read(ref _everReceived);

    /// <summary>DEFERRED messages received and deliberately left unacknowledged: the backlog a gateway has not processed.</summary>
    public long Parked => Interlocked.Read(ref _parked);

    /// <summary>A recipient's gateway was handed a DEFERRED message, which the benchmark never acknowledges.</summary>
    public void ParkedReceived() => Interlocked.Increment(ref _parked);

    public IReadOnlyList<LatencyFigures> Latencies() => _latency.Figures();

    /// <summary>Messages sent and not yet received everywhere (measured or not).</summary>
    public int Outstanding => _pending.Count;

    /// <summary>Forgets messages still pending from earlier windows (their copies may still arrive and are ignored).</summary>
    public void Clear() => _pending.Clear();

    /// <summary>Whether a message of <paramref name="precedence"/> was sent in the current window.</summary>
    public bool HasSentInWindow(Precedence precedence) => _sentPrecedences.ContainsKey(precedence);
}
