using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Article42.Mesh.Grains.Tests;

/// <summary>A fake clock that records the due time of every finite timer set on it, so a test can move time to each one exactly.</summary>
public sealed class RecordingFakeClock(FakeTimeProvider fake) : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _timers = new();

    public FakeTimeProvider Fake => fake;

    public IReadOnlyList<TimeSpan> Timers => [.. _timers];

    public override DateTimeOffset GetUtcNow() => fake.GetUtcNow();

    public override long GetTimestamp() => fake.GetTimestamp();

    public override long TimestampFrequency => fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
            _timers.Enqueue(dueTime);
        return fake.CreateTimer(callback, state, dueTime, period);
    }
}
