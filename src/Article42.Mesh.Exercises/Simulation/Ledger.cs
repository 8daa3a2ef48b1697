namespace Article42.Mesh.Exercises;

/// <summary>
/// The planner's view of requests and offers: what each line asks, what is offered and accepted so far, and
/// what each participant has left to offer. First come, first served, in the order the plan meets them.
/// </summary>
internal sealed class Ledger(Scenario scenario)
{
    private readonly Dictionary<(string Activation, string Rfa, string Line), int> _requested = [];
    private readonly Dictionary<(string Activation, string Rfa, string Line), int> _accepted = [];
    private readonly Dictionary<(string Offerer, string Code), int> _offered = [];
    private readonly Dictionary<string, int> _offerCount = new(StringComparer.Ordinal);

    public bool IsInvoker(string id, string? activation) => scenario.Activations.Any(a => a.Id == activation && a.Invoker == id);

    public IEnumerable<OfferPlan> Offers(ScenarioParticipant participant, PlannedAction rfa)
    {
        if (rfa.ActivationId is not { } activation || Body<RfaBody>(rfa) is not { } body || IsInvoker(participant.Id, activation))
            yield break;
        foreach (var line in body.Lines)
            _requested.TryAdd((activation, body.RfaId!, line.LineId!), line.Quantity ?? 0);
        foreach (var line in body.Lines)
        {
            foreach (var capability in participant.Behaviour.Capabilities.Where(c => c.CategoryCode == line.CategoryCode))
            {
                var key = (participant.Id, capability.CategoryCode);
                var left = participant.Behaviour.Overcommit ? capability.Quantity : capability.Quantity - _offered.GetValueOrDefault(key);
                var quantity = Math.Min(left, line.Quantity ?? 0);
                if (quantity <= 0)
                    continue;
                _offered[key] = _offered.GetValueOrDefault(key) + quantity;
                var count = _offerCount[participant.Id] = _offerCount.GetValueOrDefault(participant.Id) + 1;
                yield return new OfferPlan(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"OF-{participant.Id}-{count:00}"),
                    participant.Id, body.RfaId!, line.LineId!, capability.CategoryCode, quantity, capability.Unit, capability.Description);
            }
        }
    }

    public DecisionPlan? Decide(PlannedAction offer)
    {
        if (offer.ActivationId is not { } activation || Body<OfferBody>(offer) is not { OfferId: { } offerId } body)
            return null;
        var quantity = body.Resource?.Quantity ?? 0;
        if (body.Unsolicited || body.RfaId is null || body.LineId is null || !_requested.TryGetValue((activation, body.RfaId, body.LineId), out var requested))
            return new DecisionPlan(offerId, OfferDecisionKind.Hold, null, "unsolicited offer held for review");
        var key = (activation, body.RfaId, body.LineId);
        var remaining = requested - _accepted.GetValueOrDefault(key);
        if (remaining <= 0)
            return new DecisionPlan(offerId, OfferDecisionKind.Decline, null, $"line {body.LineId} of {body.RfaId} is already covered");
        var accepted = Math.Min(remaining, quantity);
        _accepted[key] = _accepted.GetValueOrDefault(key) + accepted;
        return accepted == quantity
            ? new DecisionPlan(offerId, OfferDecisionKind.Accept, null, $"accepted for line {body.LineId} of {body.RfaId}")
            : new DecisionPlan(offerId, OfferDecisionKind.Partial, accepted, $"{accepted} of {quantity} accepted; line {body.LineId} needs no more");
    }

    /// <summary>The offer an ACCEPT or PARTIAL decision accepts; null for any other decision.</summary>
    public string? Accepted(PlannedAction decision) =>
        Body<OfferDecisionBody>(decision) is { Decision: OfferDecisionKind.Accept or OfferDecisionKind.Partial, OfferId: { } id } ? id : null;

    private T? Body<T>(PlannedAction action) where T : MessageBody =>
        action.Payload.ToBody(offset => scenario.SimulatedStart + offset) as T;
}
