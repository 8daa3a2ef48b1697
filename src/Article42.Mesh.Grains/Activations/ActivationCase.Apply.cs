namespace Article42.Mesh.Grains;

/// <summary>Recording a legal message: the lifecycle moves, the ledger changes, the marks for the report are kept.</summary>
internal sealed partial class ActivationCase
{
    private static readonly ActivationState[] BeforeRequests = [ActivationState.Invoked, ActivationState.Acknowledged, ActivationState.Assessing];

    public void Apply(Envelope envelope, DateTimeOffset at)
    {
        if (!_recorded.TryAdd(envelope.MsgId, (envelope.From, ContentHash(envelope))))
            return;
        HighWaterMark = (Classification)Math.Max((int)HighWaterMark, (int)envelope.Label.Level);
        if (envelope.PrecedenceAction >= Precedence.Flash && MessageCatalogue.Of(envelope.Kind).DefaultPrecedence < Precedence.Flash)
            _inflation[envelope.Kind] = _inflation.GetValueOrDefault(envelope.Kind) + 1;
        switch (envelope.Payload)
        {
            case InvocationBody invocation:
                ApplyInvocation(envelope, invocation, at);
                break;
            case InvocationAckBody:
                Acknowledge(envelope.From);
                break;
            case SitrepBody when envelope.From == Invoker && State is ActivationState.Invoked or ActivationState.Acknowledged:
                State = ActivationState.Assessing;
                break;
            case RfaBody rfa:
                _rfas.Add(rfa.RfaId!);
                AddLines(rfa.RfaId!, rfa.Lines);
                State = ActivationState.Requesting;
                break;
            case RfaAmendBody amend:
                AddLines(amend.RfaId!, amend.Lines);
                State = ActivationState.Requesting;
                break;
            case RfaCancelBody cancel:
                foreach (var line in _lines.Values.Where(l => l.RfaId == cancel.RfaId && (cancel.LineIds.IsEmpty || cancel.LineIds.Contains(l.LineId))))
                    line.Cancelled = true;
                break;
            case OfferBody offer:
                var toInvoker = registries.Current.Expand(envelope.ToAction.Concat(envelope.ToInfo), envelope.From).Contains(Invoker!);
                _offers[offer.OfferId!] = new LedgerOffer(offer.OfferId!, envelope.From, offer.RfaId, offer.LineId, offer.Resource!.CategoryCode!, offer.Resource.Quantity ?? 0, toInvoker, at);
                break;
            case OfferDecisionBody decision:
                ApplyDecision(Offer(decision.OfferId)!, decision, at);
                break;
            case CommitmentBody commitment:
                ApplyCommitment(Offer(commitment.OfferId)!);
                break;
            case OfferWithdrawBody withdraw:
                ApplyWithdrawal(Offer(withdraw.OfferId)!);
                break;
            case DeploymentStatusBody status:
                ApplyDeployment(Offer(status.OfferId)!, status.Status!.Value);
                break;
            case TerminationBody:
                State = _everAccepted ? ActivationState.StandDown : ActivationState.Withdrawn;
                break;
            case CloseoutReportBody:
                State = ActivationState.Closed;
                break;
        }
    }

    private void ApplyInvocation(Envelope envelope, InvocationBody invocation, DateTimeOffset at)
    {
        if (IsInvoked)
        {
            LegalBasis = LegalBasis.Both;
            return;
        }
        Invoker = envelope.From;
        State = ActivationState.Invoked;
        LegalBasis = invocation.LegalBasis!.Value;
        Mode = envelope.Mode;
        IpcrRequested = invocation.IpcrRequested;
        InvokedAt = at;
    }

    /// <summary>The roster: once every other member state has acknowledged, the invocation is ACKNOWLEDGED.</summary>
    private void Acknowledge(string participant)
    {
        _acknowledged.Add(participant);
        if (State == ActivationState.Invoked && registries.Current.MemberStates.All(ms => ms == Invoker || _acknowledged.Contains(ms)))
            State = ActivationState.Acknowledged;
    }

    private void AddLines(string rfaId, ImmutableArray<RfaLine> lines)
    {
        foreach (var line in lines)
        {
            if (_lines.TryGetValue((rfaId, line.LineId!), out var existing))
            {
                existing.Category = line.CategoryCode!;
                existing.Requested = line.Quantity ?? existing.Requested;
                existing.Cancelled = false;
            }
            else
            {
                _lines[(rfaId, line.LineId!)] = new RequestedLine(rfaId, line.LineId!, line.CategoryCode!, line.Quantity ?? 0);
            }
        }
    }

    private void ApplyDecision(LedgerOffer offer, OfferDecisionBody decision, DateTimeOffset at)
    {
        offer.DecidedAt = at;
        (offer.State, offer.Accepted) = decision.Decision switch
        {
            OfferDecisionKind.Accept => (OfferState.Accepted, offer.Offered),
            OfferDecisionKind.Partial => (OfferState.PartiallyAccepted, decision.AcceptedQuantity ?? 0),
            OfferDecisionKind.Decline => (OfferState.Declined, 0),
            OfferDecisionKind.Counter => (OfferState.Countered, 0),
            _ => (OfferState.OnHold, 0),
        };
        if (offer.Accepted == 0)
            return;
        _everAccepted = true;
        if (LineOf(offer) is { } line)
            line.Accepted += offer.Accepted;
    }

    private void ApplyCommitment(LedgerOffer offer)
    {
        offer.State = OfferState.Committed;
        if (LineOf(offer) is { } line)
            line.Committed += offer.Accepted;
        if (State is ActivationState.Requesting || BeforeRequests.Contains(State))
            State = ActivationState.AssistanceActive;
    }

    /// <summary>A withdrawn accepted or committed offer gives its quantity back: the RFA line reopens.</summary>
    private void ApplyWithdrawal(LedgerOffer offer)
    {
        if (LineOf(offer) is { } line)
        {
            if (offer.State is OfferState.Accepted or OfferState.PartiallyAccepted || offer.Deployed)
                line.Accepted -= offer.Accepted;
            if (offer.Deployed)
                line.Committed -= offer.Accepted;
        }
        offer.State = OfferState.Withdrawn;
    }

    private static void ApplyDeployment(LedgerOffer offer, DeploymentState status) =>
        offer.State = status switch
        {
            DeploymentState.Returned => OfferState.Completed,
            DeploymentState.Arrived or DeploymentState.Operational => OfferState.Delivered,
            _ => OfferState.Deploying,
        };

    private RequestedLine? LineOf(LedgerOffer offer) =>
        offer.RfaId is not null && offer.LineId is not null && _lines.TryGetValue((offer.RfaId, offer.LineId), out var line) ? line : null;
}
