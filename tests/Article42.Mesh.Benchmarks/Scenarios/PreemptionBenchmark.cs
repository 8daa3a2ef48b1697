using System.Text.Json.Nodes;
using Article42.Mesh.Benchmarks.Reporting;
using Article42.Mesh.Benchmarks.Systems.Mesh;
using Article42.Mesh.Load;

namespace Article42.Mesh.Benchmarks.Scenarios;

/// <summary>
/// <c>preemption</c>: FLASH point-to-point at a low fixed rate, first alone, then while a closed loop of ROUTINE traffic
/// saturates the mesh, from and to the same gateways. "Saturating" is found in the same run (issue 18): the closed loop
/// at a quarter, a sixteenth and all of <see cref="Cli.BenchOptions.SaturatingConcurrency"/> in flight, and the one with
/// the highest throughput is the load FLASH is measured under (no admission control is used). FLASH should overtake the
/// queued ROUTINE traffic at every step (outbox, inbox, fetch, the SDK's buffer). A last run sends the FLASH traffic
/// among <see cref="Bystanders"/> gateways that carry no ROUTINE traffic, to tell what is shared by the whole mesh (the
/// journal, the CPU) from what queues per participant.
/// </summary>
internal static class PreemptionBenchmark
{
    private const int Bystanders = 4;

    public static async Task RunAsync(BenchContext context)
    {
        Console.WriteLine("preemption");
        var options = context.Options;
        var section = new JsonObject();
        foreach (var profile in options.ProfilesFor("preemption"))
        {
            var setup = new MeshSetup(profile);
            await using var mesh = await context.StartMeshAsync(setup);
            var flash = Traffic.Of(Pattern.PointToPoint, Precedence.Flash);
            var alone = await MeshRuns.MeasureAsync(context, mesh, setup, [new OpenLoad(mesh, flash, options.FlashRate)], "point-to-point");
            var (saturating, sweep) = await SaturatingAsync(context, mesh, setup);
            var loaded = await MeshRuns.MeasureAsync(context, mesh, setup,
                [new ClosedLoad(mesh, Traffic.Of(Pattern.PointToPoint, Precedence.Routine), saturating), new OpenLoad(mesh, flash, options.FlashRate, seed: 3)],
                "point-to-point");
            var flashUnderLoad = loaded.Figures.Of(Precedence.Flash);
            var apart = mesh.Gateways.Count >= Bystanders + 2 ? await ApartAsync(context, mesh, setup, saturating) : null;
            var routine = loaded.Figures.Of(Precedence.Routine);
            section[profile] = new JsonObject
            {
                ["saturating_in_flight"] = saturating,
                ["routine_msgs_per_s_by_in_flight"] = new JsonObject([.. sweep.Select(s => KeyValuePair.Create(s.InFlight.ToString(System.Globalization.CultureInfo.InvariantCulture), (JsonNode?)s.PerSecond))]),
                ["flash_p99_ms_alone"] = alone.Figures.Of(Precedence.Flash)?.P99,
                ["flash_p99_ms_under_routine"] = flashUnderLoad?.P99,
                ["routine_p99_ms"] = routine?.P99,
                ["routine_delivered_msgs_per_s"] = loaded.Figures.DeliveredPerSecond,
                ["flash_p99_ms_among_bystanders"] = apart?.Figures.Of(Precedence.Flash)?.P99,
                ["flash_alone"] = Json.Run(alone),
                ["flash_under_routine"] = Json.Run(loaded),
                ["flash_among_bystanders_under_routine"] = apart is null ? null : Json.Run(apart),
            };
            Console.WriteLine($"  FLASH p99 {flashUnderLoad?.P99:0.0} ms under saturating ROUTINE ({saturating} in flight; ROUTINE p99 {routine?.P99:0.0} ms); alone {alone.Figures.Of(Precedence.Flash)?.P99:0.0} ms");
        }
        context.Report["preemption"] = section;
    }

    /// <summary>
    /// The ROUTINE closed loop at a sixteenth, a quarter and all of the configured concurrency (at least 1 each): the
    /// concurrency that delivered the most per second is the saturating load, since beyond it more in flight only queues.
    /// </summary>
    private static async Task<(int InFlight, List<(int InFlight, double PerSecond)> Sweep)> SaturatingAsync(BenchContext context, MeshSystem mesh, MeshSetup setup)
    {
        var top = context.Options.SaturatingConcurrency;
        var sweep = new List<(int InFlight, double PerSecond)>();
        foreach (var inFlight in new[] { top / 16, top / 4, top }.Select(n => Math.Max(1, n)).Distinct())
        {
            var run = await MeshRuns.MeasureAsync(context, mesh, setup, [new ClosedLoad(mesh, Traffic.Of(Pattern.PointToPoint, Precedence.Routine), inFlight)], "point-to-point");
            sweep.Add((inFlight, run.Figures.DeliveredPerSecond));
        }
        return (sweep.MaxBy(s => s.PerSecond).InFlight, sweep);
    }

    /// <summary>ROUTINE saturating all gateways but the last <see cref="Bystanders"/>, FLASH among those only.</summary>
    private static Task<RunRecord> ApartAsync(BenchContext context, MeshSystem mesh, MeshSetup setup, int saturating)
    {
        var count = mesh.Gateways.Count;
        var routine = Traffic.Of(Pattern.PointToPoint, Precedence.Routine) with { Among = [.. Enumerable.Range(0, count - Bystanders)] };
        var flash = Traffic.Of(Pattern.PointToPoint, Precedence.Flash) with { Among = [.. Enumerable.Range(count - Bystanders, Bystanders)] };
        return MeshRuns.MeasureAsync(context, mesh, setup,
            [new ClosedLoad(mesh, routine, saturating), new OpenLoad(mesh, flash, context.Options.FlashRate, seed: 4)],
            $"{routine.PatternName} (ROUTINE) and {flash.PatternName} (FLASH)");
    }
}
