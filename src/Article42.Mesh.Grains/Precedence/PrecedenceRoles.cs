namespace Article42.Mesh.Grains;

/// <summary>
/// Finds the sender's role for <see cref="PrecedenceRights"/>, asking the activation only when the role matters (a kind
/// above its own precedence at FLASH or OVERRIDE from a sender the configuration does not name).
/// </summary>
internal sealed class PrecedenceRoles(PrecedenceRights rights, IGrainFactory grains)
{
    /// <summary>Null when the sender may use the message's precedence; else <see cref="ErrorCodes.PrecedenceNotGranted"/>.</summary>
    public async Task<MeshError?> CheckAsync(Envelope envelope)
    {
        if (!PrecedenceRights.NeedsRole(envelope))
            return null;
        var role = rights.IsAuthority(envelope.From) ? PrecedenceRole.Authority
            : await InvokesAsync(envelope) ? PrecedenceRole.Invoker
            : PrecedenceRole.Participant;
        return PrecedenceRights.Judge(envelope, role);
    }

    /// <summary>
    /// True when the sender is the invoking state of the open activation the message names; an INVOCATION of an
    /// activation that does not exist yet makes its sender the invoker.
    /// </summary>
    private async Task<bool> InvokesAsync(Envelope envelope)
    {
        if (envelope.ActivationId is not { } id)
            return false;
        var summary = await grains.GetGrain<IActivationGrain>(id).SummaryAsync();
        if (summary is null)
            return envelope.Kind == MessageKind.Invocation;
        return summary.Invoker == envelope.From && summary.State is not (ActivationState.Closed or ActivationState.Withdrawn);
    }
}
