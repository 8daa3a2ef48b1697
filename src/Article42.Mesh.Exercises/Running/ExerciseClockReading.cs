namespace Article42.Mesh.Exercises;

/// <summary>
/// The runner's exercise clock: scenario offsets to real time and back, at the run's compression, to whole scenario
/// seconds. It stands still between EXCON's PAUSEEX and the RESUMEEX after it (<see cref="Pause"/>, <see cref="Resume"/>),
/// so a pause moves every later scenario time by its real length and no reaction time runs during it.
/// </summary>
internal sealed class ExerciseClockReading(DateTimeOffset startex, int compression)
{
    private readonly List<(TimeSpan At, DateTimeOffset From, DateTimeOffset? Until)> _pauses = [];

    public DateTimeOffset Startex => startex;

    /// <summary>True between a PAUSEEX and its RESUMEEX.</summary>
    public bool Paused => _pauses.Count > 0 && _pauses[^1].Until is null;

    /// <summary>The real time of a scenario offset; <see cref="DateTimeOffset.MaxValue"/> for an offset after a pause that has not ended.</summary>
    public DateTimeOffset Real(TimeSpan offset)
    {
        var real = startex + offset / compression;
        foreach (var (at, from, until) in _pauses.Where(p => p.At < offset))
        {
            if (until is not { } ended)
                return DateTimeOffset.MaxValue;
            real += ended - from;
        }
        return real;
    }

    /// <summary>The scenario offset of a real time, rounded to the second (the report's unit), never before STARTEX; a paused stretch adds nothing.</summary>
    public TimeSpan Scenario(DateTimeOffset utc) => TimeSpan.FromSeconds(Math.Max(0, Math.Round(Running(utc).TotalSeconds * compression)));

    /// <summary>Stops the clock at <paramref name="utc"/> (the PAUSEEX went out); a pause while paused is the same pause.</summary>
    public void Pause(DateTimeOffset utc)
    {
        if (!Paused)
            _pauses.Add((Running(utc) * compression, utc, null));
    }

    /// <summary>Restarts the clock at <paramref name="utc"/> (the RESUMEEX went out).</summary>
    public void Resume(DateTimeOffset utc)
    {
        if (Paused)
            _pauses[^1] = _pauses[^1] with { Until = utc };
    }

    /// <summary>Real time since STARTEX up to <paramref name="utc"/>, less the paused stretches before it.</summary>
    private TimeSpan Running(DateTimeOffset utc)
    {
        var running = utc - startex;
        foreach (var (_, from, until) in _pauses.Where(p => p.From < utc))
            running -= (until is { } ended && ended < utc ? ended : utc) - from;
        return running;
    }
}
