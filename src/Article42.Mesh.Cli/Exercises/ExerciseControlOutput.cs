using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Exercises;

/// <summary>
/// What <c>a42 exercise pause | resume | status</c> print: where the exercise stands in exercise control and whether its
/// clock runs; one JSON object with <c>--json</c>, else lines for people.
/// </summary>
internal static class ExerciseControlOutput
{
    /// <summary><c>ended</c> after ENDEX, else <c>paused</c> or <c>running</c> as the mesh's exercise clock stands.</summary>
    public static string State(ExerciseStatus status, ExerciseClock clock) => status.Ended ? "ended" : clock.Paused ? "paused" : "running";

    public static string Json(ExerciseStatus status, ExerciseClock clock) => JsonLines.Write(writer =>
    {
        writer.WriteString("exercise_id", status.ExerciseId);
        writer.WriteString("state", State(status, clock));
        writer.WriteNumber("injects_played", status.InjectsPlayed);
        writer.WriteNumber("injects", status.Injects);
        writer.WriteNumber("observations", status.Observations);
        writer.WriteNumber("compression", clock.Compression);
        writer.WriteNumber("pauses", clock.Pauses.IsDefault ? 0 : clock.Pauses.Length);
        writer.WriteStartArray("expectations_met");
        foreach (var met in status.ExpectationsMet)
            writer.WriteStringValue(met);
        writer.WriteEndArray();
        writer.WriteStartArray("expectations_missed");
        foreach (var missed in status.ExpectationsMissed)
            writer.WriteStringValue(missed);
        writer.WriteEndArray();
    });

    public static string Text(ExerciseStatus status, ExerciseClock clock) =>
        $"exercise {status.ExerciseId}: {State(status, clock)}\n" +
        $"  injects played {status.InjectsPlayed}/{status.Injects}, messages observed {status.Observations}, " +
        $"expected actions met {status.ExpectationsMet.Length}, missed {status.ExpectationsMissed.Length}\n" +
        $"  clock x{clock.Compression}, paused {(clock.Pauses.IsDefault ? 0 : clock.Pauses.Length)} time(s)";
}
