namespace Article42.Mesh.Exercises;

/// <summary>A stretch of the scenario clock, from <see cref="From"/> (included) to <see cref="To"/> (excluded).</summary>
public sealed record TimeWindow(TimeSpan From, TimeSpan To)
{
    public bool Contains(TimeSpan at) => at >= From && at < To;
}
