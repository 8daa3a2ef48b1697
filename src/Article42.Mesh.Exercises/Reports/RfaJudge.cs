namespace Article42.Mesh.Exercises;

/// <summary>Offers (decision latency, T_commit) and RFAs (T_first_offer, coverage over time and at ENDEX, T_coverage).</summary>
internal static class RfaJudge
{
    private sealed record Offer(ObservedMessage Message, OfferBody Body, ObservedMessage? Decision, ObservedMessage? Commitment)
    {
        public OfferDecisionBody? DecisionBody => Decision?.Body as OfferDecisionBody;

        public int Accepted => DecisionBody switch
        {
            { Decision: OfferDecisionKind.Accept } => Body.Resource?.Quantity ?? 0,
            { Decision: OfferDecisionKind.Partial, AcceptedQuantity: { } quantity } => quantity,
            _ => 0,
        };
    }

    public static (ImmutableArray<RfaFigure> Rfas, ImmutableArray<OfferFigure> Offers) Judge(ObservationIndex index, GapList gaps)
    {
        var offers = Offers(index);
        var offerFigures = offers.Select(o => OfferFigure(o, index, gaps)).ToImmutableArray();
        var rfas = index.OfKind(MessageKind.Rfa).Where(m => m.Body is RfaBody { RfaId: not null })
            .Select(m => Rfa(m, offers.Where(o => o.Message.ActivationId == m.ActivationId && o.Body.RfaId == ((RfaBody)m.Body!).RfaId).ToList(), index, gaps))
            .ToImmutableArray();
        return (rfas, offerFigures);
    }

    private static List<Offer> Offers(ObservationIndex index)
    {
        var decisions = index.OfKind(MessageKind.OfferDecision).Where(m => m.Body is OfferDecisionBody { OfferId: not null })
            .GroupBy(m => (m.ActivationId, ((OfferDecisionBody)m.Body!).OfferId)).ToDictionary(g => g.Key, g => g.First());
        // A refused commitment is kept too: it is why the line stays uncommitted.
        var commitments = index.Observations.Messages.Where(m => m.Kind == MessageKind.Commitment && m.Body is CommitmentBody { OfferId: not null })
            .OrderBy(m => m.Accepted ? 0 : 1).ThenBy(m => m.Scenario)
            .GroupBy(m => (m.ActivationId, ((CommitmentBody)m.Body!).OfferId)).ToDictionary(g => g.Key, g => g.First());
        return [.. index.OfKind(MessageKind.Offer).Where(m => m.Body is OfferBody { OfferId: not null }).Select(m =>
        {
            var body = (OfferBody)m.Body!;
            return new Offer(m, body, decisions.GetValueOrDefault((m.ActivationId, body.OfferId)), commitments.GetValueOrDefault((m.ActivationId, body.OfferId)));
        })];
    }

    private static OfferFigure OfferFigure(Offer offer, ObservationIndex index, GapList gaps)
    {
        var offered = ObservationIndex.Seconds(offer.Message.Scenario);
        var decided = offer.Decision is null ? (long?)null : ObservationIndex.Seconds(offer.Decision.Scenario);
        var committed = offer.Commitment is { Accepted: true } c ? ObservationIndex.Seconds(c.Scenario) : (long?)null;
        var what = $"{offer.Body.OfferId} from {offer.Message.From} ({offer.Body.Resource?.Quantity} {offer.Body.Resource?.CategoryCode} for {offer.Body.RfaId}/{offer.Body.LineId})";
        if (decided is null)
            gaps.Add(GapKind.OfferUndecided, offer.Body.OfferId!, index.Endex, $"{what}, offered at {ObservationIndex.T(offered)}, was not decided by ENDEX {ObservationIndex.T(index.Endex)}");
        else if (offer.Accepted > 0 && committed is null)
        {
            var why = offer.Commitment?.Refusal is { } refusal ? $"its commitment was refused ({refusal.Code})" : $"{EnvelopeCodec.WireName(offer.Body.NationalApproval ?? NationalApproval.None)} approval still pending";
            gaps.Add(GapKind.NotCommitted, offer.Body.OfferId!, index.Endex, $"{what} was accepted at {ObservationIndex.T(decided.Value)} but not committed by ENDEX {ObservationIndex.T(index.Endex)}: {why}");
        }
        return new OfferFigure(offer.Body.OfferId!, offer.Message.From, offer.Message.ActivationId, offer.Body.RfaId, offer.Body.LineId,
            offer.Body.Resource?.CategoryCode ?? "", offer.Body.Resource?.Quantity ?? 0, offered, offer.DecisionBody?.Decision, offer.Accepted,
            decided - offered, committed - decided, offer.Commitment?.Refusal?.Code);
    }

    private static RfaFigure Rfa(ObservedMessage message, List<Offer> offers, ObservationIndex index, GapList gaps)
    {
        var body = (RfaBody)message.Body!;
        var published = ObservationIndex.Seconds(message.Scenario);
        var lines = body.Lines.Where(l => l.LineId is not null).ToList();
        var requested = lines.Sum(l => Math.Max(0, l.Quantity ?? 0));
        var accepted = lines.ToDictionary(l => l.LineId!, _ => 0, StringComparer.Ordinal);
        var curve = new List<CoveragePoint> { new(published, 0m) };
        foreach (var offer in offers.Where(o => o.Accepted > 0 && o.Body.LineId is not null && accepted.ContainsKey(o.Body.LineId)).OrderBy(o => o.Decision!.Scenario).ThenBy(o => o.Body.OfferId, StringComparer.Ordinal))
        {
            accepted[offer.Body.LineId!] += offer.Accepted;
            curve.Add(new CoveragePoint(ObservationIndex.Seconds(offer.Decision!.Scenario), Ratio(lines, accepted, requested)));
        }
        var figures = lines.Select(l => Line(l, offers, accepted[l.LineId!], message.ActivationId, body.RfaId!, index)).ToImmutableArray();
        foreach (var line in figures.Where(l => l.Accepted < l.Requested))
        {
            var offered = offers.Where(o => o.Body.LineId == line.LineId).ToList();
            gaps.Add(GapKind.LineUncovered, $"{body.RfaId}/{line.LineId}", index.Endex,
                $"{message.ActivationId} {body.RfaId}/{line.LineId} {line.CategoryCode}: {line.Accepted} of {line.Requested} accepted and {line.Committed} committed at ENDEX {ObservationIndex.T(index.Endex)}; " +
                (offered.Count == 0 ? "nobody offered it" : $"offered by {string.Join(", ", offered.Select(o => o.Message.From).Distinct())}"));
        }
        var atEndex = requested == 0 ? 1m : Math.Round((decimal)figures.Sum(l => Math.Min(l.Accepted, l.Requested)) / requested, 4);
        var firstOffer = offers.Count == 0 ? (long?)null : offers.Min(o => ObservationIndex.Seconds(o.Message.Scenario)) - published;
        var full = curve.FirstOrDefault(p => p.Ratio >= 1m)?.Seconds - published;
        return new RfaFigure(message.ActivationId ?? "", body.RfaId!, message.Ref, published, firstOffer, full, atEndex, figures, [.. curve]);
    }

    private static RfaLineFigure Line(RfaLine line, List<Offer> offers, int accepted, string? activation, string rfaId, ObservationIndex index)
    {
        // The mesh's own ledger, when the runner read it at ENDEX, is the authority on the line's state.
        var summary = index.Observations.Activations.Where(a => a.ActivationId == activation)
            .SelectMany(a => a.Lines).FirstOrDefault(l => l.RfaId == rfaId && l.LineId == line.LineId);
        var requested = line.Quantity ?? 0;
        if (summary is not null)
            return new RfaLineFigure(line.LineId!, summary.CategoryCode, summary.Requested, summary.Accepted, summary.Committed, summary.State);
        var committed = offers.Where(o => o.Body.LineId == line.LineId && o.Commitment is { Accepted: true }).Sum(o => o.Accepted);
        var state = accepted >= requested ? RfaLineState.Covered : accepted > 0 ? RfaLineState.PartiallyCovered : RfaLineState.Open;
        return new RfaLineFigure(line.LineId!, line.CategoryCode ?? "", requested, accepted, committed, state);
    }

    private static decimal Ratio(List<RfaLine> lines, Dictionary<string, int> accepted, int requested) =>
        requested == 0 ? 1m : Math.Round((decimal)lines.Sum(l => Math.Min(accepted[l.LineId!], Math.Max(0, l.Quantity ?? 0))) / requested, 4);
}
