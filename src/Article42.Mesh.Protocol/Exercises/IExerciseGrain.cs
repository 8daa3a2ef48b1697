namespace Article42.Mesh.Protocol;

/// <summary>
/// Exercise control in the mesh (key: exercise id): the MSEL and its expected actions at STARTEX, every message
/// the exercise plays, and which expected actions were performed in time. Journaled, so the exercise's record
/// outlives the runner. Silo-only: the exercise controller's runner reaches it from the silo side.
/// </summary>
[Alias("a42.exercise-grain")]
public interface IExerciseGrain : IGrainWithStringKey
{
    [Alias("startex"), SiloOnly]
    ValueTask StartexAsync(ExercisePlanRecord plan);

    [Alias("observe"), SiloOnly]
    ValueTask ObserveAsync(ExerciseObservation observation);

    [Alias("endex"), SiloOnly]
    ValueTask<ExerciseStatus> EndexAsync();

    [Alias("status"), SiloOnly]
    ValueTask<ExerciseStatus?> StatusAsync();
}
