namespace Article42.Mesh.Exercises;

/// <summary>Receipts owed, received and on time per participant and precedence; escalations at 50 % and 100 % of the receipt SLO.</summary>
internal static class AckJudge
{
    private sealed record Owed(string Participant, ObservedMessage Message, long Slo, long Sent, long? Latency, long? Reminded);

    public static (ImmutableArray<AckFigure> Figures, int Escalations) Judge(ObservationIndex index, GapList gaps)
    {
        var owed = new List<Owed>();
        // A reminder asks for no receipt of its own (ack_request DR): its answer is the receipt of what it chases.
        foreach (var message in index.Accepted.Where(m => m.Reminds is null && AckRules.Requested(m.Kind, m.Precedence).Contains(AckType.Rn)))
        {
            if (PrecedenceSlo.For(message.Precedence).Receipt is not { } slo)
                continue;
            var sent = ObservationIndex.Seconds(message.Scenario);
            foreach (var participant in index.ActionPlayers(message))
            {
                var receipt = index.Reply(message.Ref, participant, MessageKind.Receipt);
                var reminder = index.Reminder(message.Ref, participant);
                owed.Add(new Owed(participant, message, ObservationIndex.Seconds(slo), sent, receipt is null ? null : ObservationIndex.Seconds(receipt.Scenario) - sent,
                    reminder is null ? null : ObservationIndex.Seconds(reminder.Scenario)));
            }
        }
        var escalations = owed.Sum(o => Thresholds(o, index.Endex));
        var figures = owed.GroupBy(o => (o.Participant, o.Message.Precedence))
            .OrderBy(g => g.Key.Participant, StringComparer.Ordinal).ThenByDescending(g => g.Key.Precedence)
            .Select(g => Figure(g.Key.Participant, g.Key.Precedence, [.. g], index.Endex)).ToImmutableArray();
        foreach (var participant in owed.GroupBy(o => o.Participant).OrderBy(g => g.Key, StringComparer.Ordinal))
            AddGaps(participant.Key, [.. participant], index.Endex, gaps);
        return (figures, escalations);
    }

    private static int Thresholds(Owed o, long endex) =>
        new[] { o.Slo / 2, o.Slo }.Count(threshold => o.Latency is { } latency ? latency > threshold : endex - o.Sent >= threshold);

    private static bool Overdue(Owed o, long endex) => o.Latency is null && o.Sent + o.Slo <= endex;

    private static AckFigure Figure(string participant, Precedence precedence, List<Owed> owed, long endex)
    {
        var latencies = owed.Where(o => o.Latency is not null).Select(o => o.Latency!.Value).Order().ToList();
        return new AckFigure(participant, precedence, owed.Count, latencies.Count, owed.Count(o => o.Latency <= o.Slo),
            latencies.Count == 0 ? null : latencies[(latencies.Count - 1) / 2], latencies.Count == 0 ? null : latencies[^1], owed[0].Slo,
            [.. owed.Where(o => Overdue(o, endex)).Select(o => o.Message.Ref)]);
    }

    private static void AddGaps(string participant, List<Owed> owed, long endex, GapList gaps)
    {
        var missing = owed.Where(o => Overdue(o, endex)).ToList();
        if (missing.Count > 0)
        {
            gaps.Add(GapKind.ReceiptMissing, participant, missing.Min(o => o.Sent + o.Slo),
                $"{participant} sent no receipt for {missing.Count} of {owed.Count} messages that asked for one: {Describe(missing)}");
        }
        var late = owed.Where(o => o.Latency > o.Slo).ToList();
        if (late.Count > 0)
        {
            gaps.Add(GapKind.ReceiptLate, participant, late.Min(o => o.Sent + o.Slo),
                $"{participant} acknowledged {late.Count} messages after their receipt SLO: " + string.Join("; ", late.Take(5).Select(o =>
                    $"{o.Message.Ref} {EnvelopeCodec.KindName(o.Message.Kind)} ({EnvelopeCodec.WireName(o.Message.Precedence)}, due {ObservationIndex.T(o.Sent + o.Slo)}, took {ObservationIndex.D(o.Latency!.Value)})")));
        }
    }

    private static string Describe(List<Owed> owed) =>
        string.Join("; ", owed.Take(5).Select(o => $"{o.Message.Ref} {EnvelopeCodec.KindName(o.Message.Kind)} ({EnvelopeCodec.WireName(o.Message.Precedence)}, due {ObservationIndex.T(o.Sent + o.Slo)}"
            + (o.Reminded is { } reminded ? $", reminded {ObservationIndex.T(reminded)}" : "") + ")"))
        + (owed.Count > 5 ? $"; and {owed.Count - 5} more" : "");
}
