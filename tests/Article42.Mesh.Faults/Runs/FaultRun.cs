using Article42.Mesh.Faults.Cluster;
using Article42.Mesh.Faults.Nemeses;

namespace Article42.Mesh.Faults.Runs;

/// <summary>
/// A run of the suite: the cluster started once in <paramref name="artefacts"/>, then the scenarios back to back, each
/// with three participants no other round has (<see cref="RoundParticipants"/>), figures printed as each ends. Histories, the
/// timeline (<c>timeline.log</c>) and the figures (<c>figures.txt</c>) stay in <paramref name="artefacts"/>.
/// </summary>
public sealed class FaultRun(string artefacts, int seed, TextWriter output)
{
    /// <summary>The cluster the run hurts: three shipped silos in network namespaces unless a test asks for another (the lossy one).</summary>
    public Func<string, Task<FaultCluster>> StartCluster { get; init; } = directory => FaultCluster.StartAsync(directory, namespaces: true);

    public async Task<IReadOnlyList<ScenarioResult>> RunAsync(IEnumerable<Nemesis> scenarios, Func<bool>? goOn = null)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        Directory.CreateDirectory(artefacts);
        var timeline = new Timeline(Path.Combine(artefacts, "timeline.log"), output, TimeProvider.System);
        timeline.Note("run", $"seed {seed}, artefacts {artefacts}");
        timeline.Note("run", MembershipStatement.Describe());
        await using var cluster = await StartCluster(artefacts);
        timeline.Note("run", cluster.Network is { } network
            ? $"network: namespaces {network.Prefix.Value}*, bridge {network.Bridge} {network.Subnet.BridgeCidr}, no default routes, every node address resolves to the bridge (checked)"
            : "network: loopback (no network nemesis can run)");
        timeline.Note("run", $"{cluster.Silos.Count} silos ready: gateways {string.Join(',', cluster.Gateways)}");
        var runner = new ScenarioRunner(cluster, timeline, artefacts, TimeProvider.System);
        var participants = new RoundParticipants(FaultCluster.Registry);
        var results = new List<ScenarioResult>();
        var round = 0;
        foreach (var nemesis in scenarios)
        {
            if (goOn is not null && !goOn())
                break;
            if (round == participants.Rounds)
            {
                // Strict: a round on an earlier round's participants would read that round's traffic.
                timeline.Note("run", $"no fresh participants left after {round} rounds: the run ends here");
                break;
            }
            var result = await runner.RunAsync(nemesis, participants.For(round), seed + (round * 10), round);
            results.Add(result);
            await File.AppendAllTextAsync(Path.Combine(artefacts, "figures.txt"), result.Figures() + "\n");
            round++;
            if (!await RepairAsync(cluster, timeline))
                break;
        }
        return results;
    }

    /// <summary>
    /// Before the next round: a round that failed part-way may have left a silo starting, stopped or cut off. False when
    /// the cluster cannot be made whole again (the run ends: a round on a broken cluster would say nothing).
    /// </summary>
    private static async Task<bool> RepairAsync(FaultCluster cluster, Timeline timeline)
    {
        try
        {
            foreach (var what in await cluster.RepairAsync())
                timeline.Note("run", $"repair: {what}");
            return true;
        }
        catch (SiloNotReadyException ex)
        {
            timeline.Note("run", $"the cluster could not be repaired ({ex.Message}): the run ends here");
            return false;
        }
    }
}
