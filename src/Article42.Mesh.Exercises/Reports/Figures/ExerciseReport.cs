namespace Article42.Mesh.Exercises;

/// <summary>
/// The after-action report: <see cref="Figures"/> are judged on the scenario clock and are the same for the same
/// scenario, seed and observed scenario-time facts; <see cref="Run"/> holds this run's wall-clock facts.
/// </summary>
public sealed record ExerciseReport(ReportFigures Figures, ReportRun Run)
{
    /// <summary>Computes the report of a run.</summary>
    public static ExerciseReport Create(Scenario scenario, SimulationPlan plan, ExerciseObservations observations) =>
        Create(scenario, plan.Seed, ExerciseEngine.Planned, observations);

    /// <summary>Computes the report of a run of either engine.</summary>
    public static ExerciseReport Create(Scenario scenario, int seed, ExerciseEngine engine, ExerciseObservations observations) =>
        new(new FigureBuilder(scenario, seed, engine, observations).Build(), RunBuilder.Build(scenario, observations));
}
