namespace Article42.Mesh.Exercises;

/// <summary>
/// Exercise control in the mesh as a runner sees it: told the MSEL at STARTEX and every message played, asked for the
/// status and ended at ENDEX. <see cref="OperatorExerciseControl"/> goes through the operator-signed admin grain, as
/// <c>a42 exercise run</c> does on any cluster; <see cref="SiloExerciseControl"/> calls the exercise grain from inside a silo.
/// </summary>
public interface IExerciseControl
{
    Task StartexAsync(ExercisePlanRecord plan, CancellationToken cancellation);

    Task ObserveAsync(ExerciseObservation observation, CancellationToken cancellation);

    Task<ExerciseStatus?> EndexAsync(CancellationToken cancellation);

    Task<ExerciseStatus?> StatusAsync(CancellationToken cancellation);
}
