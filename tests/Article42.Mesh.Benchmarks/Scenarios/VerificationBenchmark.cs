using System.Text.Json.Nodes;
using Article42.Mesh.Benchmarks.Reporting;
using Article42.Mesh.Benchmarks.Systems.Mesh;
using Article42.Mesh.Load;

namespace Article42.Mesh.Benchmarks.Scenarios;

/// <summary>
/// <c>verification</c> (issue #21): the same closed loop (point-to-point, mixed precedences) with the gateways checking
/// each received message's signature against the operator-signed registry (<c>VerifyReceived</c>, the default), and
/// without. The silo and the gateways share the process, so the difference in CPU time and allocation per message
/// between the two runs is the gateways' receive verification; on a loaded machine it drowns in the noise, so the
/// check is also measured alone (<see cref="IsolatedVerification"/>).
/// </summary>
internal static class VerificationBenchmark
{
    public static async Task RunAsync(BenchContext context)
    {
        Console.WriteLine("verification");
        var section = new JsonObject();
        foreach (var profile in context.Options.ProfilesFor("verification"))
        {
            var runs = new JsonArray();
            foreach (var verify in (bool[])[true, false])
            {
                var setup = new MeshSetup(profile, VerifyReceived: verify);
                await using var mesh = await context.StartMeshAsync(setup);
                var run = await MeshRuns.MeasureAsync(context, mesh, setup, [new ClosedLoad(mesh, Traffic.Of(Pattern.PointToPoint), context.Options.Concurrency)], "point-to-point");
                var node = Json.Run(run);
                node["verify_received"] = verify;
                // A run "verified" only if the gateways hold a verified registry (else nothing would be checked).
                var version = ((MeshBenchGateway)mesh.Gateways[0]).RegistryVersion;
                if (verify != version.HasValue)
                    throw new InvalidOperationException($"the gateways {(verify ? "hold no" : "hold a")} verified registry (version {version})");
                node["gateway_registry_version"] = version;
                runs.Add(node);
            }
            section[profile] = runs;
        }
        section["check_alone"] = IsolatedVerification.Measure(context, context.Options.Quick ? 2_000 : 20_000);
        context.Report["verification"] = section;
    }
}
