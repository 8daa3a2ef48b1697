using System.Diagnostics;
using System.Text.Json.Nodes;
using Article42.Mesh.Benchmarks.Reporting;
using Article42.Mesh.Benchmarks.Systems.Mesh;
using Article42.Mesh.Load;

namespace Article42.Mesh.Benchmarks.Scenarios;

/// <summary>
/// <c>backlog</c>: the same closed loop (point-to-point, mixed precedences) measured at each level of history (delivered,
/// acknowledged copies already in the journal) on one mesh, then at each level of backlog (DEFERRED copies delivered to
/// the measured gateways' inboxes, handed to them and never acknowledged) on a fresh one. The mesh promises the cost per
/// message does not grow with either.
/// </summary>
internal static class BacklogBenchmark
{
    private static readonly TimeSpan FillTimeout = TimeSpan.FromMinutes(30);

    public static async Task RunAsync(BenchContext context)
    {
        Console.WriteLine("backlog");
        var section = new JsonObject();
        foreach (var profile in context.Options.ProfilesFor("backlog"))
        {
            var setup = new MeshSetup(profile);
            section[profile] = new JsonObject
            {
                ["history"] = await SeriesAsync(context, setup, "history", FillHistoryAsync),
                ["backlog"] = await SeriesAsync(context, setup, "backlog", FillBacklogAsync),
            };
        }
        context.Report["backlog"] = section;
    }

    private static async Task<JsonArray> SeriesAsync(BenchContext context, MeshSetup setup, string what, Func<BenchContext, MeshSystem, long, Task> fill)
    {
        var points = new JsonArray();
        await using var mesh = await context.StartMeshAsync(setup);
        foreach (var level in context.Options.Levels)
        {
            var clock = Stopwatch.StartNew();
            await fill(context, mesh, level);
            var backlog = await InboxBacklogAsync(context, mesh);
            Console.WriteLine($"  {what} {level:N0} copies (filled in {clock.Elapsed.TotalSeconds:0} s; unacknowledged in the gateways' inboxes: {backlog:N0})");
            var run = await MeshRuns.MeasureAsync(context, mesh, setup, [new ClosedLoad(mesh, Traffic.Of(Pattern.PointToPoint), context.Options.Concurrency)], "point-to-point");
            var node = Json.Run(run);
            node["level"] = level;
            node["history_copies"] = mesh.Tracker.EverReceived;
            node["inbox_backlog"] = backlog;
            points.Add(node);
        }
        return points;
    }

    /// <summary>Broadcasts (mixed precedences, acknowledged on receipt) until at least <paramref name="copies"/> copies were delivered in all.</summary>
    private static async Task FillHistoryAsync(BenchContext context, MeshSystem mesh, long copies)
    {
        if (mesh.Tracker.EverReceived >= copies)
            return;
        using var stop = new CancellationTokenSource();
        var load = new ClosedLoad(mesh, Traffic.Of(Pattern.Broadcast), 4 * context.Options.Concurrency, seed: 5);
        var running = Task.Run(() => load.RunAsync(stop.Token));
        await UntilAsync(() => mesh.Tracker.EverReceived >= copies, $"{copies:N0} copies of history");
        await stop.CancelAsync();
        await running;
        await UntilAsync(() => mesh.Tracker.Outstanding == 0, "the last history messages");
    }

    /// <summary>Broadcasts DEFERRED messages until the gateways were handed <paramref name="copies"/> of them, none acknowledged.</summary>
    private static async Task FillBacklogAsync(BenchContext context, MeshSystem mesh, long copies)
    {
        var gateways = mesh.Gateways;
        var perMessage = gateways.Count - 1;
        var needed = (copies - mesh.Tracker.Parked + perMessage - 1) / perMessage;
        var next = -1L;
        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, context.Options.Concurrency)).Select(worker => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < needed; i = Interlocked.Increment(ref next))
            {
                var sender = (int)(i % gateways.Count);
                var to = gateways.Where((_, g) => g != sender).Select(g => g.Participant).ToList();
                await gateways[sender].SendAsync(Ulid.New(DateTimeOffset.UtcNow), to, Precedence.Deferred, CancellationToken.None);
            }
        })));
        await UntilAsync(() => mesh.Tracker.Parked >= copies, $"{copies:N0} backlog copies handed to the gateways");
    }

    private static async Task<long> InboxBacklogAsync(BenchContext context, MeshSystem mesh)
    {
        var backlogs = await Task.WhenAll(context.Participants.Select(p => mesh.SiloGrains.GetGrain<IParticipantGrain>(p).BacklogAsync().AsTask()));
        return backlogs.Sum();
    }

    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > FillTimeout)
                throw new TimeoutException($"waited {FillTimeout.TotalMinutes:0} minutes for {what}");
            await Task.Delay(50);
        }
    }
}
