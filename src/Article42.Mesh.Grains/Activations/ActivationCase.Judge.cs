namespace Article42.Mesh.Grains;

/// <summary>The rules: who may send which kind, in which state, about which RFA line or offer.</summary>
internal sealed partial class ActivationCase
{
    private static readonly HashSet<string> PoliticalBodies = ["PRES", "PSC", "EUCO"];

    /// <summary>Null when <paramref name="envelope"/> is legal now; otherwise the rule and the current state.</summary>
    public MeshError? Judge(Envelope envelope)
    {
        if (HasRecorded(envelope))
            return null;
        if (_recorded.ContainsKey(envelope.MsgId))
            return Refuse(ErrorCodes.MessageIdConflict, "$.msg_id", $"message id '{envelope.MsgId}' is recorded in activation {activationId} for another sender or other content");
        if (!IsInvoked)
            return envelope.Kind == MessageKind.Invocation ? JudgeFirstInvocation(envelope) : Refuse(ErrorCodes.ActivationUnknown, "$.activation_id", $"activation {activationId} was never invoked");
        if (envelope.Mode != Mode)
            return Refuse(ErrorCodes.ModeMismatch, "$.mode", $"activation {activationId} is {EnvelopeCodec.WireName(Mode)} traffic; this message is {EnvelopeCodec.WireName(envelope.Mode)}");
        if (IsTerminal && MessageCatalogue.Of(envelope.Kind).Family == MessageFamily.Lifecycle)
            return Refuse(ErrorCodes.ActivationClosed, "$.kind", $"activation {activationId} is {StateName}: no {Name(envelope.Kind)} any more");
        return envelope.Kind switch
        {
            MessageKind.Invocation => JudgeRepeatedInvocation(envelope),
            MessageKind.InvocationAck => envelope.From == Invoker ? Refuse(ErrorCodes.WrongSenderKind, "$.from", "the invoking state does not acknowledge its own invocation") : null,
            MessageKind.Rfa => JudgeRfa(envelope, (RfaBody)envelope.Payload!),
            MessageKind.RfaAmend => JudgeRfaChange(envelope, ((RfaAmendBody)envelope.Payload!).RfaId, []),
            MessageKind.RfaCancel => JudgeRfaChange(envelope, ((RfaCancelBody)envelope.Payload!).RfaId, ((RfaCancelBody)envelope.Payload!).LineIds),
            MessageKind.Offer => JudgeOffer(envelope, (OfferBody)envelope.Payload!),
            MessageKind.OfferDecision => JudgeDecision(envelope, (OfferDecisionBody)envelope.Payload!),
            MessageKind.Commitment => JudgeOffererAct(envelope, ((CommitmentBody)envelope.Payload!).OfferId, OfferState.Accepted, OfferState.PartiallyAccepted),
            MessageKind.OfferWithdraw => JudgeOffererAct(envelope, ((OfferWithdrawBody)envelope.Payload!).OfferId,
                OfferState.Proposed, OfferState.Accepted, OfferState.PartiallyAccepted, OfferState.Countered, OfferState.OnHold, OfferState.Committed, OfferState.Deploying, OfferState.Delivered),
            MessageKind.DeploymentStatus => JudgeOffererAct(envelope, ((DeploymentStatusBody)envelope.Payload!).OfferId, OfferState.Committed, OfferState.Deploying, OfferState.Delivered),
            MessageKind.MatchProposal or MessageKind.CoordinationNote => registries.Current.Find(envelope.From)?.Kind == ParticipantKind.EuBody
                ? null
                : Refuse(ErrorCodes.WrongSenderKind, "$.from", $"{Name(envelope.Kind)} comes from an EU body, not from '{envelope.From}'"),
            MessageKind.PoliticalDecision => PoliticalBodies.Contains(envelope.From)
                ? null
                : Refuse(ErrorCodes.WrongSenderKind, "$.from", $"POLITICAL_DECISION comes from PRES, PSC or EUCO, not from '{envelope.From}'"),
            MessageKind.Termination => JudgeTermination(envelope),
            MessageKind.CloseoutReport => JudgeCloseout(envelope),
            _ => null,
        };
    }

    private MeshError? JudgeFirstInvocation(Envelope envelope) =>
        registries.Current.Find(envelope.From)?.Kind == ParticipantKind.MemberState
            ? null
            : Refuse(ErrorCodes.WrongSenderKind, "$.from", $"only a member state invokes Art. 42(7), not '{envelope.From}'");

    private MeshError? JudgeRepeatedInvocation(Envelope envelope)
    {
        if (envelope.From != Invoker)
            return Refuse(ErrorCodes.NotInvoker, "$.from", $"activation {activationId} was invoked by {Invoker}; '{envelope.From}' cannot invoke it again");
        return ((InvocationBody)envelope.Payload!).LegalBasis == LegalBasis.Both && LegalBasis != LegalBasis.Both
            ? null
            : Refuse(ErrorCodes.ActivationExists, "$.activation_id", $"activation {activationId} is already invoked ({StateName}); a new INVOCATION may only extend the legal basis to BOTH");
    }

    private MeshError? JudgeRfa(Envelope envelope, RfaBody body)
    {
        if (InvokerOnly(envelope) is { } notInvoker)
            return notInvoker;
        if (State == ActivationState.StandDown)
            return Refuse(ErrorCodes.StateForbids, "$.kind", $"activation {activationId} is {StateName}: no new requests");
        return _rfas.Contains(body.RfaId!) ? Refuse(ErrorCodes.DuplicateId, "$.payload.rfa_id", $"RFA {body.RfaId} exists already; amend it with RFA_AMEND") : null;
    }

    private MeshError? JudgeRfaChange(Envelope envelope, string? rfaId, ImmutableArray<string> lineIds)
    {
        if (InvokerOnly(envelope) is { } notInvoker)
            return notInvoker;
        if (!_rfas.Contains(rfaId!))
            return Refuse(ErrorCodes.RfaUnknown, "$.payload.rfa_id", $"activation {activationId} has no RFA {rfaId}");
        var unknown = lineIds.FirstOrDefault(line => !_lines.ContainsKey((rfaId!, line)));
        return unknown is null ? null : Refuse(ErrorCodes.RfaUnknown, "$.payload.line_ids", $"RFA {rfaId} has no line {unknown}");
    }

    private MeshError? JudgeOffer(Envelope envelope, OfferBody body)
    {
        if (envelope.From == Invoker)
            return Refuse(ErrorCodes.WrongSenderKind, "$.from", "the invoking state does not make offers to itself");
        if (State == ActivationState.StandDown)
            return Refuse(ErrorCodes.StateForbids, "$.kind", $"activation {activationId} is {StateName}: no new offers");
        if (_offers.ContainsKey(body.OfferId!))
            return Refuse(ErrorCodes.DuplicateId, "$.payload.offer_id", $"offer {body.OfferId} exists already");
        if (body.Unsolicited)
            return null;
        if (!_lines.TryGetValue((body.RfaId!, body.LineId!), out var line))
            return Refuse(ErrorCodes.RfaUnknown, "$.payload.line_id", $"activation {activationId} has no RFA line {body.RfaId}/{body.LineId}; offer against an open line or mark the offer unsolicited");
        return line.TakesOffers
            ? null
            : Refuse(ErrorCodes.LineNotOpen, "$.payload.line_id", $"RFA line {body.RfaId}/{body.LineId} is {System.Text.Json.JsonNamingPolicy.SnakeCaseUpper.ConvertName(line.State.ToString())} and takes no offers");
    }

    private MeshError? JudgeDecision(Envelope envelope, OfferDecisionBody body)
    {
        if (InvokerOnly(envelope) is { } notInvoker)
            return notInvoker;
        if (Offer(body.OfferId) is not { } offer || !offer.ToInvoker)
            return Refuse(ErrorCodes.OfferUnknown, "$.payload.offer_id", $"no offer {body.OfferId} was made to {Invoker} in activation {activationId}");
        if (offer.State is not (OfferState.Proposed or OfferState.Countered or OfferState.OnHold))
            return Refuse(ErrorCodes.OfferStateForbids, "$.payload.offer_id", $"offer {offer.OfferId} is {OfferStateName(offer)}; it was decided already");
        return body.Decision == OfferDecisionKind.Partial && body.AcceptedQuantity > offer.Offered
            ? Refuse(ErrorCodes.QuantityExceeded, "$.payload.accepted_quantity", $"offer {offer.OfferId} offers {offer.Offered}; {body.AcceptedQuantity} cannot be accepted")
            : null;
    }

    private MeshError? JudgeOffererAct(Envelope envelope, string? offerId, params OfferState[] allowed)
    {
        if (Offer(offerId) is not { } offer)
            return Refuse(ErrorCodes.OfferUnknown, "$.payload.offer_id", $"activation {activationId} has no offer {offerId}");
        if (offer.Offerer != envelope.From)
            return Refuse(ErrorCodes.NotOfferer, "$.from", $"offer {offer.OfferId} is {offer.Offerer}'s; '{envelope.From}' cannot {Name(envelope.Kind)} it");
        return allowed.Contains(offer.State)
            ? null
            : Refuse(ErrorCodes.OfferStateForbids, "$.payload.offer_id", $"offer {offer.OfferId} is {OfferStateName(offer)}: no {Name(envelope.Kind)} now");
    }

    private MeshError? JudgeTermination(Envelope envelope) =>
        InvokerOnly(envelope) ?? (State == ActivationState.StandDown
            ? Refuse(ErrorCodes.StateForbids, "$.kind", $"activation {activationId} is {StateName} already")
            : null);

    private MeshError? JudgeCloseout(Envelope envelope)
    {
        if (envelope.From != Invoker && registries.Current.Find(envelope.From)?.Kind != ParticipantKind.EuBody)
            return Refuse(ErrorCodes.WrongSenderKind, "$.from", "CLOSEOUT_REPORT comes from the invoking state or the coordinating EU body");
        if (State != ActivationState.StandDown)
            return Refuse(ErrorCodes.StateForbids, "$.kind", $"activation {activationId} is {StateName}: close-out follows a TERMINATION");
        var deployed = _offers.Values.FirstOrDefault(offer => offer.Deployed);
        return deployed is null ? null : Refuse(ErrorCodes.AssetsDeployed, "$.kind", $"offer {deployed.OfferId} of {deployed.Offerer} is still {OfferStateName(deployed)}; close-out waits until every asset has RETURNED");
    }

    private MeshError? InvokerOnly(Envelope envelope) =>
        envelope.From == Invoker ? null : Refuse(ErrorCodes.NotInvoker, "$.from", $"only the invoking state {Invoker} may send {Name(envelope.Kind)} in activation {activationId}");

    private static string OfferStateName(LedgerOffer offer) => System.Text.Json.JsonNamingPolicy.SnakeCaseUpper.ConvertName(offer.State.ToString());

    private MeshError Refuse(string code, string path, string sentence) => new(code, path, $"{sentence} (activation state {StateNameOrNone})");

    private string StateNameOrNone => IsInvoked ? StateName : "NOT_INVOKED";
}
