using System.Text.Json.Nodes;
using Article42.Mesh.Benchmarks.Reporting;
using Article42.Mesh.Benchmarks.Systems.Mesh;
using Article42.Mesh.Load;

namespace Article42.Mesh.Benchmarks.Scenarios;

/// <summary>
/// <c>preemption</c>: FLASH point-to-point at a low fixed rate, first alone, then while a closed loop of ROUTINE traffic
/// with many messages in flight keeps the mesh saturated, from and to the same gateways. FLASH should overtake the
/// queued ROUTINE traffic at every step (outbox, inbox, fetch). A third run sends the FLASH traffic among
/// <see cref="Bystanders"/> gateways that carry no ROUTINE traffic, to tell what is shared by the whole mesh (the
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
            var loaded = await MeshRuns.MeasureAsync(context, mesh, setup,
                [new ClosedLoad(mesh, Traffic.Of(Pattern.PointToPoint, Precedence.Routine), options.SaturatingConcurrency), new OpenLoad(mesh, flash, options.FlashRate, seed: 3)],
                "point-to-point");
            var flashUnderLoad = loaded.Figures.Of(Precedence.Flash);
            var apart = mesh.Gateways.Count >= Bystanders + 2 ? await ApartAsync(context, mesh, setup) : null;
            var routine = loaded.Figures.Of(Precedence.Routine);
            section[profile] = new JsonObject
            {
                ["flash_p99_ms_alone"] = alone.Figures.Of(Precedence.Flash)?.P99,
                ["flash_p99_ms_under_routine"] = flashUnderLoad?.P99,
                ["routine_p99_ms"] = routine?.P99,
                ["routine_delivered_msgs_per_s"] = loaded.Figures.DeliveredPerSecond,
                ["flash_p99_ms_among_bystanders"] = apart?.Figures.Of(Precedence.Flash)?.P99,
                ["flash_alone"] = Json.Run(alone),
                ["flash_under_routine"] = Json.Run(loaded),
                ["flash_among_bystanders_under_routine"] = apart is null ? null : Json.Run(apart),
            };
            Console.WriteLine($"  FLASH p99 {flashUnderLoad?.P99:0.0} ms under saturating ROUTINE (ROUTINE p99 {routine?.P99:0.0} ms); alone {alone.Figures.Of(Precedence.Flash)?.P99:0.0} ms");
        }
        context.Report["preemption"] = section;
    }

    /// <summary>ROUTINE saturating all gateways but the last <see cref="Bystanders"/>, FLASH among those only.</summary>
    private static Task<RunRecord> ApartAsync(BenchContext context, MeshSystem mesh, MeshSetup setup)
    {
        var count = mesh.Gateways.Count;
        var routine = Traffic.Of(Pattern.PointToPoint, Precedence.Routine) with { Among = [.. Enumerable.Range(0, count - Bystanders)] };
        var flash = Traffic.Of(Pattern.PointToPoint, Precedence.Flash) with { Among = [.. Enumerable.Range(count - Bystanders, Bystanders)] };
        return MeshRuns.MeasureAsync(context, mesh, setup,
            [new ClosedLoad(mesh, routine, context.Options.SaturatingConcurrency), new OpenLoad(mesh, flash, context.Options.FlashRate, seed: 4)],
            $"{routine.PatternName} (ROUTINE) and {flash.PatternName} (FLASH)");
    }
}
