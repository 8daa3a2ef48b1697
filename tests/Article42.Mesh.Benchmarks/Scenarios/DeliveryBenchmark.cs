using System.Text.Json.Nodes;
using Article42.Mesh.Benchmarks.Reporting;
using Article42.Mesh.Benchmarks.Systems.Mesh;
using Article42.Mesh.Load;

namespace Article42.Mesh.Benchmarks.Scenarios;

/// <summary>
/// <c>delivery</c>: the raw twin and the crypto twin, then the mesh in each profile and signature mode, each under the same three loads
/// (closed loop point-to-point and broadcast, open loop point-to-point; mixed precedences). The headline is the first
/// profile and signature mode, closed loop point-to-point, against each twin's.
/// </summary>
internal static class DeliveryBenchmark
{
    public static async Task RunAsync(BenchContext context)
    {
        Console.WriteLine("delivery");
        var runs = new List<RunRecord>();
        var idle = new JsonObject();
        await using (var twin = await context.StartTwinAsync())
        {
            idle["raw"] = await IdleAsync(context, twin, "raw twin");
            runs.AddRange(await MeasureAsync(context, twin, null, [], []));
        }
        await using (var cryptoTwin = await context.StartTwinAsync(signed: true))
        {
            idle["crypto"] = await IdleAsync(context, cryptoTwin, "crypto twin");
            runs.AddRange(await MeasureAsync(context, cryptoTwin, null, [], []));
        }

        foreach (var profile in context.Options.ProfilesFor("delivery"))
        {
            foreach (var signatures in context.Options.Signatures)
            {
                var setup = new MeshSetup(profile, signatures);
                await using var mesh = await context.StartMeshAsync(setup);
                idle[$"mesh {profile} {signatures}"] = await IdleAsync(context, mesh, $"mesh {profile} {signatures}");
                runs.AddRange(await MeasureAsync(context, mesh, setup, [.. runs.Where(r => r.System == "raw")], [.. runs.Where(r => r.System == "crypto")]));
            }
        }

        var headline = runs.First(r => r.System == "mesh");
        var raw = runs.First(r => r.System == "raw" && r.Load == headline.Load && r.Pattern == headline.Pattern);
        context.Report["headline"] = headline.Title;
        context.Report["delivered_msgs_per_s"] = headline.Figures.DeliveredPerSecond;
        context.Report["raw_delivered_msgs_per_s"] = raw.Figures.DeliveredPerSecond;
        context.Report["mesh_raw_ratio"] = headline.MeshRawRatio;
        context.Report["mesh_crypto_twin_ratio"] = headline.MeshCryptoTwinRatio;
        context.Report["latency_ms"] = Json.Latency(headline.Figures.Latency);
        context.Report["delivery"] = new JsonObject
        {
            ["gateways"] = context.Participants.Count,
            ["envelope_bytes"] = context.Payload.EnvelopeBytes,
            ["idle_process_cpu_utilisation"] = idle,
            ["runs"] = new JsonArray([.. runs.Select(r => (JsonNode)Json.Run(r))]),
        };
        Console.WriteLine($"headline: {headline.Title}: mesh/raw {headline.MeshRawRatio:0.00}, mesh/crypto twin {headline.MeshCryptoTwinRatio:0.00}");
    }

    private static async Task<List<RunRecord>> MeasureAsync(BenchContext context, ISystemUnderTest system, MeshSetup? setup, IReadOnlyList<RunRecord> rawRuns, IReadOnlyList<RunRecord> cryptoRuns)
    {
        var options = context.Options;
        var pointToPoint = Traffic.Of(Pattern.PointToPoint);
        var broadcast = Traffic.Of(Pattern.Broadcast);
        ILoad[] loads =
        [
            new ClosedLoad(system, pointToPoint, options.Concurrency),
            new ClosedLoad(system, broadcast, options.Concurrency),
            new OpenLoad(system, pointToPoint, options.Rate),
        ];
        Traffic[] traffics = [pointToPoint, broadcast, pointToPoint];
        var runs = new List<RunRecord>();
        var idle = new JsonObject();
        for (var i = 0; i < loads.Length; i++)
        {
            var figures = await Measurement.RunAsync(system, [loads[i]], options.WarmupTime, options.Window);
            var run = new RunRecord(system.Kind, setup?.Profile, setup?.Signatures, setup?.Tracing, loads[i].Describe(), traffics[i].PatternName, figures);
            run = run with
            {
                MeshRawRatio = Ratio(run, rawRuns.FirstOrDefault(r => r.Load == run.Load && r.Pattern == run.Pattern)),
                MeshCryptoTwinRatio = Ratio(run, cryptoRuns.FirstOrDefault(r => r.Load == run.Load && r.Pattern == run.Pattern)),
            };
            ConsoleLines.Print(run);
            runs.Add(run);
        }
        return runs;
    }

    /// <summary>CPU use with no traffic after the warm-up (null in quick runs, which have no time for it).</summary>
    private static async Task<double?> IdleAsync(BenchContext context, ISystemUnderTest system, string name)
    {
        if (context.Options.Quick)
            return null;
        var idle = await Measurement.IdleCpuAsync(system, context.Options.WarmupTime);
        Console.WriteLine($"  idle: {name} uses {idle:P1} of the machine's CPU with no traffic");
        return idle;
    }

    private static double? Ratio(RunRecord mesh, RunRecord? raw) =>
        raw is null || raw.Figures.DeliveredPerSecond <= 0 ? null : Math.Round(mesh.Figures.DeliveredPerSecond / raw.Figures.DeliveredPerSecond, 3);
}
