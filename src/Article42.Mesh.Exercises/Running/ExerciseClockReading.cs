namespace Article42.Mesh.Exercises;

/// <summary>The runner's exercise clock: scenario offsets to real time and back, at the run's compression, to whole scenario seconds.</summary>
internal sealed record ExerciseClockReading(DateTimeOffset Startex, int Compression)
{
    /// <summary>The real time of a scenario offset.</summary>
    public DateTimeOffset Real(TimeSpan offset) => Startex + offset / Compression;

    /// <summary>The scenario offset of a real time, rounded to the second (the report's unit), never before STARTEX.</summary>
    public TimeSpan Scenario(DateTimeOffset utc) =>
        TimeSpan.FromSeconds(Math.Max(0, Math.Round((utc - Startex).TotalSeconds * Compression)));
}
