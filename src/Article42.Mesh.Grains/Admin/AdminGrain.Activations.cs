namespace Article42.Mesh.Grains;

/// <summary>
/// One activation's summary for the operator (issue 22): the figures of an exercise report when the runner is outside
/// the silos (<c>a42 exercise run --gateway</c>), read through the operator-signed admin grain instead of the silo-only
/// <see cref="IActivationGrain"/>, filtered by clearance and audited as the other reads.
/// </summary>
public sealed partial class AdminGrain
{
    public async ValueTask<ActivationSummaryOutcome> ActivationSummaryAsync(OperatorProof proof, string activationId)
    {
        var refused = await _gate.CheckAsync(proof, OperatorProofs.ActivationSummary)
            ?? NotAnActivation(activationId)
            ?? NotCovering(proof, activationId);
        if (refused is not null)
            return new ActivationSummaryOutcome(null, Withheld: false, await AuditAsync(OperatorProofs.ActivationSummary, proof, refused, withheld: false));
        // An id never opened has no stream: it is answered as none from one version read, so asking about junk ids
        // activates no activation grain (each would cost an activation and a replay).
        var opened = await journal.GetVersionAsync($"activation/{activationId}") > 0;
        var summary = opened ? await GrainFactory.GetGrain<IActivationGrain>(activationId).SummaryAsync() : null;
        var withheld = summary is not null && summary.HighWaterMark > _clearance;
        await AuditAsync(OperatorProofs.ActivationSummary, proof, null, withheld);
        return new ActivationSummaryOutcome(withheld ? null : summary, withheld, null);
    }

    private static MeshError? NotAnActivation(string? activationId) => EnvelopeValidator.IsActivationId(activationId)
        ? null
        : new MeshError(ErrorCodes.ActivationRequestInvalid, "$.activation_id", $"'{ValidationContext.Truncate(activationId ?? "")}' is not an activation id (A42-YYYY-NNNN)");
}
