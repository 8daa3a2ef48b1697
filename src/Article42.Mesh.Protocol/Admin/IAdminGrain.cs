namespace Article42.Mesh.Protocol;

/// <summary>
/// The operators' view of the mesh (<c>a42 trace</c>, <c>a42 status</c>); one activation, key 0. Every call carries an
/// <see cref="OperatorProof"/> signed with the operator key; what it shows is filtered by the operator's clearance and
/// every read, allowed or refused, is written to the audit log (journal stream <c>admin/audit</c>).
/// </summary>
[Alias("a42.admin-grain")]
public interface IAdminGrain : IGrainWithIntegerKey
{
    /// <summary>One message's life: accepted, then per recipient delivered, handed out, acknowledged, dead-lettered.</summary>
    [Alias("trace")]
    ValueTask<TraceOutcome> TraceAsync(OperatorProof proof);

    /// <summary>Silos, gateways and their last heartbeat, backlog per participant, open activations.</summary>
    [Alias("status")]
    ValueTask<StatusOutcome> StatusAsync(OperatorProof proof);

    /// <summary>
    /// The newest registry document the mesh holds (issue #21): the newest entry of the journal stream
    /// <c>admin/registry</c> signed by the operator key, or, when the silo's own registry is newer (or there is none),
    /// that registry, unsigned. <c>a42 keys rotate/revoke/ceiling</c> read it to make the next version.
    /// </summary>
    [Alias("registry")]
    ValueTask<RegistryOutcome> RegistryAsync(OperatorProof proof);

    /// <summary>
    /// Appends <paramref name="document"/> (UTF-8 JSON) to <c>admin/registry</c> when it is what every silo applies:
    /// well-formed, signed by the operator key and newer than the newest version the mesh holds (A42-REG-001..004,
    /// nothing appended otherwise). The proof's argument must be <see cref="OperatorProofs.DocumentDigest"/> of
    /// <paramref name="document"/> (A42-ADM-002). Publishing the document that is already the newest is answered as
    /// published, so a retry after a lost answer appends nothing twice.
    /// </summary>
    [Alias("publish-registry")]
    ValueTask<RegistryOutcome> PublishRegistryAsync(OperatorProof proof, byte[] document);

    /// <summary>
    /// STARTEX (issue 22): exercise control keeps <paramref name="plan"/> (the MSEL and the actions it expects) and starts
    /// the exercise clock. The proof's argument is <see cref="ExerciseProofs.Argument(ExercisePlanRecord)"/>; a second
    /// STARTEX of a started exercise keeps the first plan. Refused: an exercise id or plan out of bounds (A42-ADM-005).
    /// </summary>
    [Alias("exercise-startex")]
    ValueTask<ExerciseControlOutcome> StartexAsync(OperatorProof proof, ExercisePlanRecord plan);

    /// <summary>
    /// Records one message exercise <paramref name="exerciseId"/> played; the proof's argument is
    /// <see cref="ExerciseProofs.Argument(string, ExerciseObservation)"/>. The same message recorded again is recorded once.
    /// Refused: the exercise was never started (A42-ADM-006).
    /// </summary>
    [Alias("exercise-observe")]
    ValueTask<ExerciseControlOutcome> ObserveAsync(OperatorProof proof, string exerciseId, ExerciseObservation observation);

    /// <summary>PAUSEEX: the exercise clock stands still until RESUMEEX; the proof's argument is the exercise id. Refused: never started (A42-ADM-006).</summary>
    [Alias("exercise-pause")]
    ValueTask<ExerciseControlOutcome> PauseExerciseAsync(OperatorProof proof, string exerciseId);

    /// <summary>RESUMEEX: the exercise clock runs again; the proof's argument is the exercise id. Refused: never started (A42-ADM-006).</summary>
    [Alias("exercise-resume")]
    ValueTask<ExerciseControlOutcome> ResumeExerciseAsync(OperatorProof proof, string exerciseId);

    /// <summary>ENDEX, answered with the final status; the proof's argument is the exercise id. Refused: never started (A42-ADM-006).</summary>
    [Alias("exercise-endex")]
    ValueTask<ExerciseControlOutcome> EndexAsync(OperatorProof proof, string exerciseId);

    /// <summary>The exercise's status so far; the proof's argument is the exercise id. Refused: never started (A42-ADM-006).</summary>
    [Alias("exercise-status")]
    ValueTask<ExerciseControlOutcome> ExerciseStatusAsync(OperatorProof proof, string exerciseId);

    /// <summary>The clock the mesh judges the exercise's traffic on; the proof's argument is the exercise id. Refused: never started (A42-ADM-006).</summary>
    [Alias("exercise-clock")]
    ValueTask<ExerciseClockOutcome> ExerciseClockAsync(OperatorProof proof, string exerciseId);

    /// <summary>
    /// Where activation <paramref name="activationId"/> stands (issue 22: the figures of an exercise report against a
    /// cluster); the proof's operation is <see cref="OperatorProofs.ActivationSummary"/>, its argument the activation id. An activation never
    /// opened answers no summary and no error; one labelled above the operator's clearance answers withheld.
    /// Refused: not an activation id (A42-ADM-007). Nothing is activated or read for a request refused or an id never opened.
    /// </summary>
    [Alias("activation-summary")]
    ValueTask<ActivationSummaryOutcome> ActivationSummaryAsync(OperatorProof proof, string activationId);
}
