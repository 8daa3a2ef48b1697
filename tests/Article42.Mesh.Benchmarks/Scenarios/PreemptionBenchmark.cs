using System.Text.Json.Nodes;
using Article42.Mesh.Benchmarks.Load;
using Article42.Mesh.Benchmarks.Reporting;
using Article42.Mesh.Benchmarks.Systems.Mesh;

namespace Article42.Mesh.Benchmarks.Scenarios;

/// <summary>
/// <c>preemption</c>: FLASH point-to-point at a low fixed rate, first alone, then while a closed loop of ROUTINE traffic
/// with many messages in flight keeps the mesh saturated, from and to the same gateways. FLASH should overtake the
/// queued ROUTINE traffic at every step (outbox, inbox, fetch).
/// </summary>
internal static class PreemptionBenchmark
{
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
            var routine = loaded.Figures.Of(Precedence.Routine);
            section[profile] = new JsonObject
            {
                ["flash_p99_ms_alone"] = alone.Figures.Of(Precedence.Flash)?.P99,
                ["flash_p99_ms_under_routine"] = flashUnderLoad?.P99,
                ["routine_p99_ms"] = routine?.P99,
                ["routine_delivered_msgs_per_s"] = loaded.Figures.DeliveredPerSecond,
                ["flash_alone"] = Json.Run(alone),
                ["flash_under_routine"] = Json.Run(loaded),
            };
            Console.WriteLine($"  FLASH p99 {flashUnderLoad?.P99:0.0} ms under saturating ROUTINE (ROUTINE p99 {routine?.P99:0.0} ms); alone {alone.Figures.Of(Precedence.Flash)?.P99:0.0} ms");
        }
        context.Report["preemption"] = section;
    }
}
