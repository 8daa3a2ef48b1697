using Article42.Mesh.Benchmarks.Reporting;
using Article42.Mesh.Benchmarks.Systems.Mesh;
using Article42.Mesh.Load;

namespace Article42.Mesh.Benchmarks.Scenarios;

/// <summary>Measuring one set of loads on a mesh and recording the run under its configuration.</summary>
internal static class MeshRuns
{
    public static async Task<RunRecord> MeasureAsync(BenchContext context, MeshSystem mesh, MeshSetup setup, IReadOnlyList<ILoad> loads, string pattern)
    {
        var figures = await Measurement.RunAsync(mesh, loads, context.Options.WarmupTime, context.Options.Window);
        var run = new RunRecord(mesh.Kind, setup.Profile, setup.Signatures, setup.Tracing, string.Join(" + ", loads.Select(l => l.Describe())), pattern, figures);
        ConsoleLines.Print(run);
        return run;
    }
}
