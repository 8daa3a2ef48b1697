using System.Diagnostics;
using System.Globalization;
using Article42.Mesh.Load.Measuring;
using Spectre.Console;

namespace Article42.Mesh.Cli.Bench;

/// <summary>
/// How <c>a42 bench</c> shows a run while it lasts, as <c>a42 exercise run</c> does: Spectre's progress bar on a
/// terminal; into a pipe or a file, one plain line per second (on stderr under <c>--json</c>, so that standard output
/// stays one JSON document). It reads the tracker's counters; the run itself knows nothing of it.
/// </summary>
internal static class BenchProgress
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);

    public static async Task<T> RunAsync<T>(DeliveryTracker tracker, TimeSpan warmup, TimeSpan duration, bool json, Func<Task<T>> run)
    {
        var started = Stopwatch.StartNew();
        string Describe() => Phase(tracker, started.Elapsed, warmup, duration);
        if (json || Console.IsOutputRedirected)
        {
            var output = json ? Console.Error : Console.Out;
            return await WhileRunningAsync(run(), TimeSpan.FromSeconds(1), () => output.WriteLine($"  {Describe()}"));
        }
        var total = (warmup + duration).TotalSeconds;
        return await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(Describe()), maxValue: total);
                var result = await WhileRunningAsync(run(), Tick, () =>
                {
                    task.Value = Math.Min(started.Elapsed.TotalSeconds, total);
                    task.Description = Markup.Escape(Describe());
                });
                task.Value = total;
                task.Description = Markup.Escape(Describe());
                return result;
            });
    }

    private static async Task<T> WhileRunningAsync<T>(Task<T> running, TimeSpan every, Action report)
    {
        using var timer = new PeriodicTimer(every);
        while (!running.IsCompleted)
        {
            await Task.WhenAny(running, timer.WaitForNextTickAsync().AsTask());
            if (!running.IsCompleted)
                report();
        }
        return await running;
    }

    private static string Phase(DeliveryTracker tracker, TimeSpan elapsed, TimeSpan warmup, TimeSpan duration)
    {
        if (elapsed < warmup)
            return string.Create(CultureInfo.InvariantCulture, $"warm-up {elapsed.TotalSeconds:0}/{warmup.TotalSeconds:0} s  delivered {tracker.EverReceived}");
        if (elapsed < warmup + duration)
            return string.Create(CultureInfo.InvariantCulture, $"measuring {(elapsed - warmup).TotalSeconds:0}/{duration.TotalSeconds:0} s  sent {tracker.SentInWindow}  delivered {tracker.ReceivedInWindow}  failed {tracker.FailedSends}");
        return string.Create(CultureInfo.InvariantCulture, $"draining: {tracker.Outstanding} on their way  sent {tracker.SentInWindow}  delivered {tracker.ReceivedInWindow}  failed {tracker.FailedSends}");
    }
}
