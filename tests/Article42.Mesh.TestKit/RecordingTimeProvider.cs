using System.Collections.Concurrent;

namespace Article42.Mesh.TestKit;

/// <summary>The system clock, recording the due time of every timer asked of it (each <c>Task.Delay</c> through it is one).</summary>
public sealed class RecordingTimeProvider : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _timers = new();

    public IReadOnlyList<TimeSpan> Timers => [.. _timers];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _timers.Enqueue(dueTime);
        return System.CreateTimer(callback, state, dueTime, period);
    }
}
