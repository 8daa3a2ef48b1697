namespace Article42.Mesh.Exercises;

/// <summary>
/// Which figures depend on the mesh's timing (issue 22, item 2): under the reactive engine everything the players did
/// follows the arrival times, so every figure made of their messages does; the exercise's identity (scenario, seed,
/// compression, players) does not. Under the planned engine no figure does (the plan's times are judged). Keyed by
/// the figure's name in report.json; <c>exercise.messages_sent</c> and <c>exercise.messages_refused</c> are the
/// exercise section's own counts.
/// </summary>
internal static class FigureTiming
{
    private static readonly string[] Figures =
    [
        "exercise", "exercise.messages_sent", "exercise.messages_refused", "acknowledgements", "activations", "rfas", "offers", "rfis",
        "dead_letters", "refusals", "injects", "objectives", "precedence_inflation", "escalations", "participation", "timeline", "gaps", "reminders",
        "degraded_links",
    ];

    public static ImmutableSortedDictionary<string, bool> Of(ExerciseEngine engine) =>
        Figures.ToImmutableSortedDictionary(name => name, name => engine == ExerciseEngine.Reactive && name != "exercise", StringComparer.Ordinal);
}
