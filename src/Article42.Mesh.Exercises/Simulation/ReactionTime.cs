namespace Article42.Mesh.Exercises;

/// <summary>
/// One reaction time drawn from the seed (issue 22, item 3): spread evenly within ± jitter of the typical time, or
/// log-normally with the typical time as median and the jitter as the log's standard deviation, so that most
/// reactions come close to it and a few come very late, as people do. Whole seconds, at least one.
/// </summary>
internal static class ReactionTime
{
    public static TimeSpan Draw(int seed, TimeSpan typical, double jitter, ReactionSpread spread, string purpose, string actor, string key)
    {
        var unit = DeterministicRandom.Unit(seed, purpose, actor, key);
        var factor = spread == ReactionSpread.LogNormal
            ? Math.Exp(jitter * StandardNormal(unit, DeterministicRandom.Unit(seed, purpose + "/tail", actor, key)))
            : 1 + jitter * (2 * unit - 1);
        return TimeSpan.FromSeconds(Math.Max(1, Math.Round(typical.TotalSeconds * factor)));
    }

    /// <summary>Box–Muller: two independent draws in [0, 1) give one standard normal draw (|z| stays below 9 since 1 - u ≥ 2⁻⁵³).</summary>
    private static double StandardNormal(double u1, double u2) => Math.Sqrt(-2 * Math.Log(1 - u1)) * Math.Cos(2 * Math.PI * u2);
}
