namespace Article42.Mesh.Gateway;

/// <summary>One activation's summary as the operator (issue 22): what an exercise report against a cluster shows of its activations.</summary>
public sealed partial class MeshOperator
{
    /// <summary>
    /// Where activation <paramref name="activationId"/> stands: its summary; <see cref="ActivationSummaryOutcome.Withheld"/>
    /// (no summary) when it is labelled above the operator's clearance; neither when no activation with that id was opened.
    /// </summary>
    /// <returns>The answer, never with an <see cref="ActivationSummaryOutcome.Error"/>: a refusal is thrown.</returns>
    /// <exception cref="MeshRefusedException">Not an activation id (A42-ADM-007), the operator's proof refused (A42-ADM-001..003) or the call (A42-SEC-*).</exception>
    /// <exception cref="TimeoutException">The mesh could not serve the request until <see cref="MeshOperatorOptions.RequestDeadline"/>.</exception>
    public async Task<ActivationSummaryOutcome> ActivationSummaryAsync(string activationId, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(activationId);
        var outcome = await AskAsync(() => _admin.ActivationSummaryAsync(Proof(OperatorProofs.ActivationSummary, activationId), activationId),
            $"the summary of {activationId}", cancellation).ConfigureAwait(false);
        return outcome.Error is { } refused ? throw new MeshRefusedException($"no summary of {activationId}", [refused]) : outcome;
    }
}
