using System.Diagnostics;
using Article42.Mesh.Load.Measuring;
using Article42.Mesh.Load.Systems;

namespace Article42.Mesh.Load;

/// <summary>
/// Runs loads against a system: a warm-up, then a measurement window (counters, histograms, CPU and allocation deltas),
/// then waits for every message sent in the window to arrive (up to <see cref="DrainTimeout"/>) so slow ones count too.
/// </summary>
public static class Measurement
{
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Waits (up to <see cref="DrainTimeout"/>) until nothing sent is still on its way, measured or not, then forgets what
    /// is: the next window must not inherit this one's queues.
    /// </summary>
    public static async Task SettleAsync(DeliveryTracker tracker)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(DrainTimeout.TotalSeconds * Stopwatch.Frequency);
        while (tracker.Outstanding > 0 && Stopwatch.GetTimestamp() < deadline)
            await Task.Delay(20);
        tracker.Clear();
    }

    /// <summary>The process's CPU use with no traffic (timers, polling, session renewals), as a share of all cores.</summary>
    public static async Task<double> IdleCpuAsync(ISystemUnderTest system, TimeSpan duration)
    {
        var before = ProcessCost.Now(null);
        var started = Stopwatch.GetTimestamp();
        await Task.Delay(duration);
        var cost = ProcessCost.Now(null) - before;
        return Math.Round(cost.Cpu.TotalSeconds / Stopwatch.GetElapsedTime(started).TotalSeconds / Environment.ProcessorCount, 3);
    }

    /// <remarks>
    /// With <paramref name="eachSent"/>, the window stays open past <paramref name="duration"/> (for at most
    /// <see cref="DrainTimeout"/>) until a message of each of those precedences was sent in it: a closed loop sends
    /// nothing new while its messages from the warm-up are on their way, and on a loaded machine a window of wall time
    /// alone can end with nothing sent in it, so nothing measured.
    /// </remarks>
    public static async Task<RunFigures> RunAsync(ISystemUnderTest system, IReadOnlyList<ILoad> loads, TimeSpan warmup, TimeSpan duration, IReadOnlyCollection<Precedence>? eachSent = null)
    {
        using var stop = new CancellationTokenSource();
        var tracker = system.Tracker;
        Failures.TakeAll();
        var running = loads.Select(l => Task.Run(() => l.RunAsync(stop.Token), CancellationToken.None)).ToList();
        await Task.Delay(warmup);

        tracker.Begin();
        var started = Stopwatch.GetTimestamp();
        var before = ProcessCost.Now(system.Servers);
        await Task.Delay(duration);
        await UntilEachSentAsync(tracker, eachSent ?? [], DrainTimeout);
        var (sent, received) = tracker.End();
        var cost = ProcessCost.Now(system.Servers) - before;
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        await stop.CancelAsync();
        await Task.WhenAll(running);
        var undelivered = await tracker.DrainAsync(DrainTimeout);
        await SettleAsync(tracker);
        var copies = Math.Max(1, received);
        return new RunFigures(
            Math.Round(seconds, 2),
            Math.Round(sent / seconds, 1),
            Math.Round(received / seconds, 1),
            tracker.Latencies(),
            Math.Round(cost.Cpu.TotalMilliseconds / copies, 4),
            Math.Round((double)cost.AllocatedBytes / copies, 0),
            Math.Round(cost.ServerCpu.TotalMilliseconds / copies, 4),
            Math.Round(cost.Cpu.TotalSeconds / seconds / Environment.ProcessorCount, 3),
            tracker.FailedSends,
            undelivered,
            loads.OfType<OpenLoad>().Sum(l => l.Skipped),
            Failures.TakeAll());
    }

    private static async Task UntilEachSentAsync(DeliveryTracker tracker, IReadOnlyCollection<Precedence> precedences, TimeSpan within)
    {
        var waited = Stopwatch.StartNew();
        while (!precedences.All(tracker.HasSentInWindow) && waited.Elapsed < within)
            await Task.Delay(20);
    }
}
