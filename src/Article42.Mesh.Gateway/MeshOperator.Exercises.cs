namespace Article42.Mesh.Gateway;

/// <summary>Exercise control as the operator (issue 22): each request signed with the operator key and bound to its arguments.</summary>
public sealed partial class MeshOperator
{
    /// <summary>STARTEX: exercise control keeps <paramref name="plan"/> and starts the exercise clock; a second STARTEX keeps the first plan.</summary>
    /// <returns>The exercise's status after STARTEX.</returns>
    /// <exception cref="MeshRefusedException">An exercise id or plan out of bounds (A42-ADM-005), the operator's proof refused (A42-ADM-001..003) or the call (A42-SEC-*).</exception>
    /// <exception cref="TimeoutException">The mesh could not serve the request until <see cref="MeshOperatorOptions.RequestDeadline"/>.</exception>
    public async Task<ExerciseStatus> StartexAsync(ExercisePlanRecord plan, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var argument = ExerciseProofs.Argument(plan);
        return Served(await AskAsync(() => _admin.StartexAsync(Proof(ExerciseProofs.Startex, argument), plan), $"STARTEX of {plan.ExerciseId}", cancellation).ConfigureAwait(false), "STARTEX");
    }

    /// <summary>Records one message exercise <paramref name="exerciseId"/> played; asked again after a lost answer, it is recorded once.</summary>
    /// <exception cref="MeshRefusedException">The exercise was never started (A42-ADM-006), the operator's proof refused (A42-ADM-001..003, 005) or the call (A42-SEC-*).</exception>
    /// <exception cref="TimeoutException">The mesh could not serve the request until <see cref="MeshOperatorOptions.RequestDeadline"/>.</exception>
    public async Task<ExerciseStatus> ObserveAsync(string exerciseId, ExerciseObservation observation, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(exerciseId);
        ArgumentNullException.ThrowIfNull(observation);
        var argument = ExerciseProofs.Argument(exerciseId, observation);
        return Served(await AskAsync(() => _admin.ObserveAsync(Proof(ExerciseProofs.Observe, argument), exerciseId, observation), $"an observation of {exerciseId}", cancellation).ConfigureAwait(false), "observation");
    }

    /// <summary>PAUSEEX: the exercise clock of <paramref name="exerciseId"/> stands still until <see cref="ResumeExerciseAsync"/>.</summary>
    /// <exception cref="MeshRefusedException">The exercise was never started (A42-ADM-006), the operator's proof refused (A42-ADM-001..003, 005) or the call (A42-SEC-*).</exception>
    /// <exception cref="TimeoutException">The mesh could not serve the request until <see cref="MeshOperatorOptions.RequestDeadline"/>.</exception>
    public Task<ExerciseStatus> PauseExerciseAsync(string exerciseId, CancellationToken cancellation = default) =>
        ControlAsync(ExerciseProofs.Pause, exerciseId, (proof, id) => _admin.PauseExerciseAsync(proof, id), "PAUSEEX", cancellation);

    /// <summary>RESUMEEX: the exercise clock of <paramref name="exerciseId"/> runs again.</summary>
    /// <exception cref="MeshRefusedException">The exercise was never started (A42-ADM-006), the operator's proof refused (A42-ADM-001..003, 005) or the call (A42-SEC-*).</exception>
    /// <exception cref="TimeoutException">The mesh could not serve the request until <see cref="MeshOperatorOptions.RequestDeadline"/>.</exception>
    public Task<ExerciseStatus> ResumeExerciseAsync(string exerciseId, CancellationToken cancellation = default) =>
        ControlAsync(ExerciseProofs.Resume, exerciseId, (proof, id) => _admin.ResumeExerciseAsync(proof, id), "RESUMEEX", cancellation);

    /// <summary>ENDEX of <paramref name="exerciseId"/>; its final status.</summary>
    /// <exception cref="MeshRefusedException">The exercise was never started (A42-ADM-006), the operator's proof refused (A42-ADM-001..003, 005) or the call (A42-SEC-*).</exception>
    /// <exception cref="TimeoutException">The mesh could not serve the request until <see cref="MeshOperatorOptions.RequestDeadline"/>.</exception>
    public Task<ExerciseStatus> EndexAsync(string exerciseId, CancellationToken cancellation = default) =>
        ControlAsync(ExerciseProofs.Endex, exerciseId, (proof, id) => _admin.EndexAsync(proof, id), "ENDEX", cancellation);

    /// <summary>Where exercise <paramref name="exerciseId"/> stands in exercise control: injects played, expected actions met and missed.</summary>
    /// <exception cref="MeshRefusedException">The exercise was never started (A42-ADM-006), the operator's proof refused (A42-ADM-001..003, 005) or the call (A42-SEC-*).</exception>
    /// <exception cref="TimeoutException">The mesh could not serve the request until <see cref="MeshOperatorOptions.RequestDeadline"/>.</exception>
    public Task<ExerciseStatus> ExerciseStatusAsync(string exerciseId, CancellationToken cancellation = default) =>
        ControlAsync(ExerciseProofs.Status, exerciseId, (proof, id) => _admin.ExerciseStatusAsync(proof, id), "the exercise status", cancellation);

    /// <summary>The clock the mesh judges the traffic of exercise <paramref name="exerciseId"/> on: its compression and pauses.</summary>
    /// <exception cref="MeshRefusedException">The exercise was never started (A42-ADM-006), the operator's proof refused (A42-ADM-001..003, 005) or the call (A42-SEC-*).</exception>
    /// <exception cref="TimeoutException">The mesh could not serve the request until <see cref="MeshOperatorOptions.RequestDeadline"/>.</exception>
    public async Task<ExerciseClock> ExerciseClockAsync(string exerciseId, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(exerciseId);
        var outcome = await AskAsync(() => _admin.ExerciseClockAsync(Proof(ExerciseProofs.Clock, exerciseId), exerciseId), $"the clock of {exerciseId}", cancellation).ConfigureAwait(false);
        return outcome.Clock ?? throw new MeshRefusedException("no exercise clock", [outcome.Error!]);
    }

    private async Task<ExerciseStatus> ControlAsync(string operation, string exerciseId, Func<OperatorProof, string, ValueTask<ExerciseControlOutcome>> call, string what, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(exerciseId);
        return Served(await AskAsync(() => call(Proof(operation, exerciseId), exerciseId), $"{what} of {exerciseId}", cancellation).ConfigureAwait(false), what);
    }

    private static ExerciseStatus Served(ExerciseControlOutcome outcome, string what) =>
        outcome.Status ?? throw new MeshRefusedException($"{what} refused", [outcome.Error ?? new MeshError(ErrorCodes.ExerciseUnknown, "$.exercise_id", "the exercise was never started")]);
}
