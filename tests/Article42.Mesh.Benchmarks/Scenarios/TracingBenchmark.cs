using System.Text.Json.Nodes;
using Article42.Mesh.Benchmarks.Reporting;
using Article42.Mesh.Benchmarks.Systems.Mesh;
using Article42.Mesh.Load;

namespace Article42.Mesh.Benchmarks.Scenarios;

/// <summary>
/// <c>tracing</c>: the same closed loop (point-to-point, mixed precedences) on a mesh with tracing off (sample ratio 0:
/// nothing recorded, the listener still installed), with the silo's default sampler, and with every trace sampled.
/// </summary>
internal static class TracingBenchmark
{
    private static readonly double?[] Ratios = [0, null, 1.0];

    public static async Task RunAsync(BenchContext context)
    {
        Console.WriteLine("tracing");
        var section = new JsonObject();
        foreach (var profile in context.Options.ProfilesFor("tracing"))
        {
            var runs = new JsonArray();
            foreach (var ratio in Ratios)
            {
                var setup = new MeshSetup(profile, TraceSampleRatio: ratio);
                await using var mesh = await context.StartMeshAsync(setup);
                var run = await MeshRuns.MeasureAsync(context, mesh, setup, [new ClosedLoad(mesh, Traffic.Of(Pattern.PointToPoint), context.Options.Concurrency)], "point-to-point");
                var node = Json.Run(run);
                node["trace_sample_ratio"] = ratio;
                runs.Add(node);
            }
            section[profile] = runs;
        }
        context.Report["tracing"] = section;
    }
}
