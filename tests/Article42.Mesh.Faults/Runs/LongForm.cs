using Article42.Mesh.Faults.Nemeses;
using Article42.Mesh.Faults.Network;

namespace Article42.Mesh.Faults.Runs;

/// <summary>
/// The long form: every nemesis, the slow ones too (the zombie silo), in a seeded random order, round after round until
/// the time is up. Exit code 0 only if every scenario was clean.
/// </summary>
public static class LongForm
{
    public const string Command = "faults";

    public static IReadOnlyList<Nemesis> Nemeses { get; } =
    [
        .. ShortForm.Scenarios,
        ProcessNemeses.RollingRestart,
        ProcessNemeses.SiloZombie,
        InfrastructureNemeses.RedisKill,
        NetworkNemeses.SiloPartitionHalves,
        NetworkNemeses.SiloPartitionOneWay,
        NetworkNemeses.SiloPartitionBeyondDetection,
        NetworkNemeses.GatewayPartition,
        NetworkNemeses.PartitionAndKill,
        InfrastructureNemeses.PostgresFreeze,
        InfrastructureNemeses.RedisPause,
        NetworkNemeses.SiloPostgresPartition,
        NetworkNemeses.SiloRedisPartition,
        NetworkNemeses.SiloPacketLoss,
        NetworkNemeses.GatewayLatency,
    ];

    public static async Task<int> RunAsync(LongFormSettings settings, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        var random = new Random(settings.Seed);
        var until = DateTimeOffset.UtcNow + settings.Length;
        IEnumerable<Nemesis> scenarios = settings.Only.IsEmpty
            ? Endless(random)
            : [.. settings.Only.Select(name => Nemeses.SingleOrDefault(n => n.Name == name) ?? throw new ArgumentException($"no scenario {name}; there are {string.Join(", ", Nemeses.Select(n => n.Name))}"))];
        var results = await new FaultRun(settings.Artefacts, settings.Seed, output)
            .RunAsync(scenarios, () => !settings.Only.IsEmpty || DateTimeOffset.UtcNow < until);
        await output.WriteLineAsync($"{results.Count} scenarios, {results.Count(r => !r.Passed)} failed; artefacts in {settings.Artefacts}");
        foreach (var result in results)
            await output.WriteLineAsync(result.Figures());
        return results.All(r => r.Passed) ? 0 : 1;
    }

    private static IEnumerable<Nemesis> Endless(Random random)
    {
        while (true)
        {
            foreach (var nemesis in Nemeses.OrderBy(_ => random.Next()))
                yield return nemesis;
        }
    }
}
