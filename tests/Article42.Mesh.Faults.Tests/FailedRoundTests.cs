using Article42.Mesh.Faults.Cluster;
using Article42.Mesh.Faults.Nemeses;
using Article42.Mesh.Faults.Runs;

namespace Article42.Mesh.Faults.Tests;

/// <summary>
/// A round that cannot finish fails with its reason and the run goes on (issue 20: the long form of seed 2020 ended in
/// round 06 with an unhandled TimeoutException when a restarted silo was not ready within 120 s).
/// </summary>
public sealed class FailedRoundTests : IDisposable
{
    private readonly FailureArtefacts _artefacts = new("a42-faults-failed-round-");

    /// <summary>A silo start given no time at all to turn ready: what a start slower than <see cref="SiloNode.ReadyWithin"/> does.</summary>
    private static readonly Nemesis SlowStart = new("silo-start-too-slow", "SIGKILL the silo, start it again with no time to turn ready", async context =>
    {
        var silo = context.Cluster.Silos[0];
        await silo.KillAsync();
        await silo.StartAsync(readyWithin: TimeSpan.Zero);
        return context.Note("unreachable: the start above times out");
    });

    private static readonly Nemesis Nothing = new("nothing", "no fault", context => Task.FromResult(context.Note("no fault")));

    [Fact]
    public async Task A_silo_start_not_ready_in_time_fails_its_round_with_the_reason_and_the_next_round_runs_on_the_repaired_cluster()
    {
        var artefacts = _artefacts.Path;
        using var output = new TestOutputWriter();
        var run = new FaultRun(artefacts, seed: 7, output) { StartCluster = directory => FaultCluster.StartAsync(directory, silos: 1) };

        var results = await run.RunAsync([SlowStart, Nothing]);

        Assert.True(results.Count == 2, $"{results.Count} rounds; artefacts in {artefacts}");
        Assert.False(results[0].Passed);
        Assert.StartsWith("silo A (start 2) not ready within 0 s of its start", results[0].Failure);
        Assert.Contains("FAILED: silo A (start 2) not ready", results[0].Figures(), StringComparison.Ordinal);
        var timeline = await File.ReadAllTextAsync(Path.Combine(artefacts, "timeline.log"));
        Assert.Contains("ROUND FAILED: silo A (start 2) not ready", timeline, StringComparison.Ordinal);
        Assert.Contains("repair: silo A (start 2) turned ready late", timeline, StringComparison.Ordinal);
        Assert.True(results[1].Passed, $"artefacts in {artefacts}: {results[1].Figures()}");
    }

    public void Dispose() => _artefacts.Dispose();
}
