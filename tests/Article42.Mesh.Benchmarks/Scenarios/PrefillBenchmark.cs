using System.Diagnostics;
using System.Text.Json.Nodes;
using Article42.Mesh.Benchmarks.Reporting;
using Article42.Mesh.Benchmarks.Systems;
using Article42.Mesh.Benchmarks.Systems.Mesh;
using Article42.Mesh.Load;

namespace Article42.Mesh.Benchmarks.Scenarios;

/// <summary>
/// <c>prefill</c>: what <c>backlog</c> measures, with the journal filled at its own speed (<see cref="InboxFiller"/>)
/// instead of through the mesh, so 100k copies take minutes, not most of an hour, on a loaded machine. At each level:
/// history, ROUTINE copies stored into the measured gateways' inboxes, handed to them and acknowledged; backlog (a fresh
/// mesh), DEFERRED copies, handed and never acknowledged; then the closed loop, CPU and allocation per copy. Then memory
/// per participant activation: DEFERRED copies into the inboxes of two participants without a gateway (nobody reads
/// them), with the managed heap after a full collection and the process's resident set before and after each level.
/// </summary>
internal static class PrefillBenchmark
{
    private static readonly TimeSpan FillTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Participants whose activations' memory is measured: two without a gateway.</summary>
    private const int MemoryParticipants = 2;

    public static async Task RunAsync(BenchContext context)
    {
        Console.WriteLine("prefill");
        var section = new JsonObject();
        foreach (var profile in context.Options.ProfilesFor("prefill"))
        {
            var setup = new MeshSetup(profile);
            section[profile] = new JsonObject
            {
                ["history"] = await CostSeriesAsync(context, setup, "history", Precedence.Routine, acknowledged: true),
                ["backlog"] = await CostSeriesAsync(context, setup, "backlog", Precedence.Deferred, acknowledged: false),
                ["memory_per_activation"] = await MemorySeriesAsync(context, setup),
            };
        }
        context.Report["prefill"] = section;
    }

    private static async Task<JsonArray> CostSeriesAsync(BenchContext context, MeshSetup setup, string what, Precedence precedence, bool acknowledged)
    {
        var points = new JsonArray();
        await using var mesh = await context.StartMeshAsync(setup);
        var filler = new InboxFiller(mesh, context.Payload, context.Participants);
        long filled = 0;
        foreach (var level in context.Options.Levels)
        {
            var clock = Stopwatch.StartNew();
            await filler.FillAsync(context.Participants, level - filled, precedence);
            filled = Math.Max(filled, level);
            if (acknowledged)
                await UntilAsync(async () => await InboxBacklogAsync(mesh, context.Participants) == 0, $"{level:N0} copies of history acknowledged");
            else
                await UntilAsync(() => Task.FromResult(mesh.Tracker.Parked >= level), $"{level:N0} backlog copies handed to the gateways");
            var backlog = await InboxBacklogAsync(mesh, context.Participants);
            Console.WriteLine($"  {what} {level:N0} copies (filled in {clock.Elapsed.TotalSeconds:0} s; unacknowledged in the gateways' inboxes: {backlog:N0})");
            var run = await MeshRuns.MeasureAsync(context, mesh, setup, [new ClosedLoad(mesh, Traffic.Of(Pattern.PointToPoint), context.Options.Concurrency)], "point-to-point");
            var node = Json.Run(run);
            node["level"] = level;
            node["inbox_backlog"] = backlog;
            points.Add(node);
        }
        return points;
    }

    /// <summary>
    /// The managed heap (after a full, compacting collection) and the resident set, at each backlog level of participants
    /// nobody reads, divided by their number. The gateways and the load are idle meanwhile, so the growth is the silo's:
    /// the activations' and whatever the journal keeps in this process for them.
    /// </summary>
    private static async Task<JsonArray> MemorySeriesAsync(BenchContext context, MeshSetup setup)
    {
        var points = new JsonArray();
        await using var mesh = await context.StartMeshAsync(setup);
        var idle = Participants.WithoutGateway(context.Participants.Count).Take(MemoryParticipants).ToList();
        if (idle.Count < MemoryParticipants)
            throw new InvalidOperationException($"memory per activation needs {MemoryParticipants} participants without a gateway: use --gateways {Participants.Max - MemoryParticipants} or fewer");
        var filler = new InboxFiller(mesh, context.Payload, context.Participants);
        foreach (var participant in idle)
            await mesh.SiloGrains.GetGrain<IParticipantGrain>(participant).WakeAsync();
        var (heap0, resident0) = Memory();
        long filled = 0;
        foreach (var level in context.Options.Levels)
        {
            await filler.FillAsync(idle, (level - filled) * idle.Count, Precedence.Deferred);
            filled = Math.Max(filled, level);
            var backlog = await InboxBacklogAsync(mesh, idle);
            var (heap, resident) = Memory();
            var perHeap = (heap - heap0) / (double)idle.Count;
            var perResident = (resident - resident0) / (double)idle.Count;
            Console.WriteLine($"  memory at backlog {level:N0} per activation ({backlog:N0} in {idle.Count} inboxes): managed heap {perHeap / 1024:+0;-0} KiB, resident set {perResident / 1024:+0;-0} KiB against backlog 0 (heap {heap / 1048576.0:0.0} MiB)");
            points.Add(new JsonObject
            {
                ["level"] = level,
                ["inbox_backlog"] = backlog,
                ["heap_bytes_per_activation_over_level_0"] = Math.Round(perHeap),
                ["resident_bytes_per_activation_over_level_0"] = Math.Round(perResident),
                ["heap_bytes"] = heap,
                ["resident_bytes"] = resident,
            });
        }
        return points;
    }

    private static (long Heap, long Resident) Memory()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64);
    }

    private static async Task<long> InboxBacklogAsync(MeshSystem mesh, IEnumerable<string> participants)
    {
        var backlogs = await Task.WhenAll(participants.Select(p => mesh.SiloGrains.GetGrain<IParticipantGrain>(p).BacklogAsync().AsTask()));
        return backlogs.Sum();
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > FillTimeout)
                throw new TimeoutException($"waited {FillTimeout.TotalMinutes:0} minutes for {what}");
            await Task.Delay(200);
        }
    }
}
