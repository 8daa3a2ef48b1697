namespace Article42.Mesh.Exercises;

/// <summary>Exercise control through the silo-only exercise grain, for a runner that lives inside a silo (an in-process test cluster).</summary>
public sealed class SiloExerciseControl(IExerciseGrain exercise) : IExerciseControl
{
    public Task StartexAsync(ExercisePlanRecord plan, CancellationToken cancellation) => exercise.StartexAsync(plan).AsTask();

    public Task ObserveAsync(ExerciseObservation observation, CancellationToken cancellation) => exercise.ObserveAsync(observation).AsTask();

    public async Task<ExerciseStatus?> EndexAsync(CancellationToken cancellation) => await exercise.EndexAsync();

    public Task<ExerciseStatus?> StatusAsync(CancellationToken cancellation) => exercise.StatusAsync().AsTask();
}
