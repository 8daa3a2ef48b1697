namespace Article42.Mesh.Protocol;

/// <summary>
/// The clock the mesh judges a running exercise's traffic on (issue 22): real time runs <see cref="Compression"/>
/// times faster on it, and it stands still while the exercise is paused. A receipt SLO of 10 minutes is 10 s of
/// running real time at compression 60, and a PAUSEEX of any length adds nothing to it.
/// </summary>
[GenerateSerializer, Immutable, Alias("a42.exercise-clock")]
public sealed record ExerciseClock(
    [property: Id(0)] int Compression,
    [property: Id(1)] ImmutableArray<ExercisePause> Pauses)
{
    /// <summary>At most this many pauses are kept; a further PAUSEEX is not honoured (the clock runs on), so nothing grows without bound.</summary>
    public const int MaxPauses = 256;

    /// <summary>Whether the exercise is paused now.</summary>
    public bool Paused => !Pauses.IsDefaultOrEmpty && Pauses[^1].Until is null;

    /// <summary>A span of the scenario clock (an SLO) as running real time: divided by the compression.</summary>
    public TimeSpan Scale(TimeSpan scenario) => Compression > 1 ? scenario / Compression : scenario;

    /// <summary>
    /// The real instant at which <paramref name="running"/> of unpaused real time has passed since <paramref name="from"/>;
    /// null when a pause that has not ended comes first (the deadline is unknown until RESUMEEX).
    /// </summary>
    public DateTimeOffset? After(DateTimeOffset from, TimeSpan running)
    {
        var at = from;
        var left = running;
        foreach (var pause in Pauses.IsDefault ? [] : Pauses)
        {
            if (pause.Until is { } ended && ended <= at)
                continue;
            var start = pause.From > at ? pause.From : at;
            if (at + left <= start)
                return at + left;
            left -= start - at;
            if (pause.Until is not { } until)
                return null;
            at = until;
        }
        return at + left;
    }
}
