using Microsoft.Extensions.Time.Testing;

namespace Article42.Mesh.Gateway.Tests;

/// <summary>
/// The session's renewal wait on a clock only the test moves (issue 24: <c>SessionRenewalTests</c> once waited for a
/// renewal that never came): a clock moved to the deadline between the wait's first reading and the arming of its
/// timer must end the wait, not arm a timer for the whole stretch again.
/// </summary>
public sealed class WakeupTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Stretch = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_clock_that_reaches_the_deadline_while_the_timer_is_armed_ends_the_wait()
    {
        var clock = new FakeTimeProvider(Start);

        var wait = new Wakeup().WaitUntilAsync(Start + Stretch, new MovedAfterFirstReading(clock, Stretch), CancellationToken.None);

        await wait.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(Start + Stretch, clock.GetUtcNow());
    }

    [Fact]
    public async Task The_wait_lasts_until_the_clock_reads_the_deadline_and_a_signal_ends_it_early()
    {
        var clock = new FakeTimeProvider(Start);
        var wakeup = new Wakeup();

        var timed = wakeup.WaitUntilAsync(Start + Stretch, clock, CancellationToken.None);
        clock.Advance(Stretch - TimeSpan.FromMilliseconds(1));
        Assert.False(timed.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await timed.WaitAsync(TimeSpan.FromSeconds(10));

        var signalled = wakeup.WaitUntilAsync(Start + TimeSpan.FromDays(1), clock, CancellationToken.None);
        wakeup.Set();
        await signalled.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary><paramref name="inner"/>, moved on by <paramref name="step"/> just after its first reading: the instant a test's move can land in.</summary>
    private sealed class MovedAfterFirstReading(FakeTimeProvider inner, TimeSpan step) : TimeProvider
    {
        private int _readings;

        public override DateTimeOffset GetUtcNow()
        {
            var now = inner.GetUtcNow();
            if (Interlocked.Increment(ref _readings) == 1)
                inner.Advance(step);
            return now;
        }

        public override long GetTimestamp() => inner.GetTimestamp();

        public override long TimestampFrequency => inner.TimestampFrequency;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            inner.CreateTimer(callback, state, dueTime, period);
    }
}
