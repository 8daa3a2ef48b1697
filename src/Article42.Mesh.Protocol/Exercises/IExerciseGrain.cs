namespace Article42.Mesh.Protocol;

/// <summary>
/// Exercise control in the mesh (key: exercise id): the MSEL and its expected actions at STARTEX, every message
/// the exercise plays, and which expected actions were performed in time. Journaled, so the exercise's record
/// outlives the runner. Silo-only: the exercise controller's runner reaches it from the silo side.
/// </summary>
[Alias("a42.exercise-grain")]
public interface IExerciseGrain : IGrainWithStringKey
{
    /// <summary>Starts the exercise with its plan: the MSEL and the actions it expects.</summary>
    [Alias("startex"), SiloOnly]
    ValueTask StartexAsync(ExercisePlanRecord plan);

    /// <summary>Records one message the exercise played.</summary>
    [Alias("observe"), SiloOnly]
    ValueTask ObserveAsync(ExerciseObservation observation);

    /// <summary>Ends the exercise and returns its final status.</summary>
    [Alias("endex"), SiloOnly]
    ValueTask<ExerciseStatus> EndexAsync();

    /// <summary>The exercise's status so far; null when it was never started.</summary>
    [Alias("status"), SiloOnly]
    ValueTask<ExerciseStatus?> StatusAsync();

    /// <summary>The clock the mesh judges the exercise's traffic on; null when it was never started.</summary>
    [Alias("clock"), SiloOnly]
    ValueTask<ExerciseClock?> ClockAsync();

    /// <summary>PAUSEEX: the exercise clock stands still until <see cref="ResumeAsync"/>; a second pause is the same pause.</summary>
    [Alias("pause"), SiloOnly]
    ValueTask PauseAsync();

    /// <summary>RESUMEEX: the exercise clock runs again; without a pause, nothing happens.</summary>
    [Alias("resume"), SiloOnly]
    ValueTask ResumeAsync();
}
