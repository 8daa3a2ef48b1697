namespace Article42.Mesh.Grains;

/// <summary>
/// Exercise control for the operator (issue 22): an exercise runner outside the silos (<c>a42 exercise run</c> against a
/// remote cluster) starts, observes, pauses, resumes and ends an exercise here, each request operator-signed and bound
/// to its arguments, audited as the reads are; the admin grain then calls the silo-only <see cref="IExerciseGrain"/>.
/// A refused request reaches no exercise grain, so it changes nothing there.
/// </summary>
public sealed partial class AdminGrain
{
    public async ValueTask<ExerciseControlOutcome> StartexAsync(OperatorProof proof, ExercisePlanRecord plan)
    {
        var exerciseId = plan?.ExerciseId;
        var refused = await _gate.CheckAsync(proof, ExerciseProofs.Startex)
            ?? Invalid(exerciseId)
            ?? PlanOutOfBounds(plan!)
            ?? NotCovering(proof, ExerciseProofs.Argument(plan!));
        if (refused is not null)
            return new ExerciseControlOutcome(null, await AuditAsync(ExerciseProofs.Startex, proof, refused, withheld: false));
        var exercise = GrainFactory.GetGrain<IExerciseGrain>(exerciseId!);
        await exercise.StartexAsync(plan!);
        await AuditAsync(ExerciseProofs.Startex, proof, null, withheld: false);
        return new ExerciseControlOutcome(await exercise.StatusAsync(), null);
    }

    public async ValueTask<ExerciseControlOutcome> ObserveAsync(OperatorProof proof, string exerciseId, ExerciseObservation observation)
    {
        var (exercise, refused) = await StartedAsync(ExerciseProofs.Observe, proof, exerciseId,
            () => observation is null ? Missing("$.observation", "the request carries no observation") : NotCovering(proof, ExerciseProofs.Argument(exerciseId, observation)));
        if (exercise is null)
            return new ExerciseControlOutcome(null, refused);
        await exercise.ObserveAsync(observation);
        return new ExerciseControlOutcome(await exercise.StatusAsync(), null);
    }

    public ValueTask<ExerciseControlOutcome> PauseExerciseAsync(OperatorProof proof, string exerciseId) =>
        ControlAsync(ExerciseProofs.Pause, proof, exerciseId, async exercise =>
        {
            await exercise.PauseAsync();
            return await exercise.StatusAsync();
        });

    public ValueTask<ExerciseControlOutcome> ResumeExerciseAsync(OperatorProof proof, string exerciseId) =>
        ControlAsync(ExerciseProofs.Resume, proof, exerciseId, async exercise =>
        {
            await exercise.ResumeAsync();
            return await exercise.StatusAsync();
        });

    public ValueTask<ExerciseControlOutcome> EndexAsync(OperatorProof proof, string exerciseId) =>
        ControlAsync(ExerciseProofs.Endex, proof, exerciseId, async exercise => await exercise.EndexAsync());

    public ValueTask<ExerciseControlOutcome> ExerciseStatusAsync(OperatorProof proof, string exerciseId) =>
        ControlAsync(ExerciseProofs.Status, proof, exerciseId, exercise => exercise.StatusAsync().AsTask());

    public async ValueTask<ExerciseClockOutcome> ExerciseClockAsync(OperatorProof proof, string exerciseId)
    {
        var (exercise, refused) = await StartedAsync(ExerciseProofs.Clock, proof, exerciseId);
        return exercise is null ? new ExerciseClockOutcome(null, refused) : new ExerciseClockOutcome(await exercise.ClockAsync(), null);
    }

    private async ValueTask<ExerciseControlOutcome> ControlAsync(string operation, OperatorProof proof, string exerciseId, Func<IExerciseGrain, Task<ExerciseStatus?>> act)
    {
        var (exercise, refused) = await StartedAsync(operation, proof, exerciseId);
        return exercise is null ? new ExerciseControlOutcome(null, refused) : new ExerciseControlOutcome(await act(exercise), null);
    }

    /// <summary>
    /// The exercise grain of a request that passed the gate, names a valid exercise in its proof and whatever
    /// <paramref name="more"/> checks, and names an exercise that was started; else the refusal, audited.
    /// A served request is audited before the exercise grain acts on it.
    /// </summary>
    private async Task<(IExerciseGrain? Exercise, MeshError? Refused)> StartedAsync(string operation, OperatorProof proof, string exerciseId, Func<MeshError?>? more = null)
    {
        var refused = await _gate.CheckAsync(proof, operation) ?? Invalid(exerciseId);
        // A proof for the exercise id alone covers only the requests whose argument is the id; observe checks its own.
        refused ??= more is not null ? more() : NotCovering(proof, exerciseId);
        IExerciseGrain? exercise = null;
        if (refused is null)
        {
            exercise = GrainFactory.GetGrain<IExerciseGrain>(exerciseId);
            if (await exercise.StatusAsync() is null)
                (exercise, refused) = (null, new MeshError(ErrorCodes.ExerciseUnknown, "$.exercise_id", $"no exercise '{exerciseId}' was started (STARTEX)"));
        }
        await AuditAsync(operation, proof, refused, withheld: false);
        return (exercise, refused);
    }

    private static MeshError? Invalid(string? exerciseId) => ExerciseProofs.IsExerciseId(exerciseId)
        ? null
        : new MeshError(ErrorCodes.ExerciseRequestInvalid, "$.exercise_id", $"'{ValidationContext.Truncate(exerciseId ?? "")}' is not an exercise id (a letter or digit, then up to 63 letters, digits, '.', '_' or '-')");

    private static MeshError? PlanOutOfBounds(ExercisePlanRecord plan) =>
        plan.Injects.IsDefault || plan.Injects.Length > ExerciseProofs.MaxInjects || plan.Injects.Any(i => i is null || i.Expected.IsDefault || i.Expected.Length > ExerciseProofs.MaxInjects)
            ? new MeshError(ErrorCodes.ExerciseRequestInvalid, "$.plan", $"the plan has no inject list, or more than {ExerciseProofs.MaxInjects} injects or expected actions per inject")
            : null;

    private static MeshError? NotCovering(OperatorProof proof, string argument) => proof.Argument == argument
        ? null
        : new MeshError(ErrorCodes.OperatorProofInvalid, "$.argument", "the request's proof was made for other arguments than the ones sent");

    private static MeshError Missing(string path, string sentence) => new(ErrorCodes.ExerciseRequestInvalid, path, sentence);
}
