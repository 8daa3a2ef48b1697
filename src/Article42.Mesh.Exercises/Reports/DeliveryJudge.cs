namespace Article42.Mesh.Exercises;

/// <summary>Dead letters and why, refused submits, unanswered RFIs.</summary>
internal static class DeliveryJudge
{
    public static ImmutableArray<DeadLetterFigure> DeadLetters(ObservationIndex index, GapList gaps)
    {
        var letters = index.Observations.Deliveries.Where(d => d.Event == DeliveryEvent.NotDelivered && index.ByRef.ContainsKey(d.MessageRef))
            .Select(d => (Delivery: d, Message: index.ByRef[d.MessageRef]))
            .Select(x => new DeadLetterFigure(x.Message.Ref, x.Message.Kind, x.Message.From, x.Delivery.Recipient, x.Delivery.Reason, x.Message.Label, ObservationIndex.Seconds(x.Message.Scenario)))
            .DistinctBy(d => (d.Ref, d.Recipient))
            .OrderBy(d => d.SentSeconds).ThenBy(d => d.Ref, StringComparer.Ordinal).ThenBy(d => d.Recipient, StringComparer.Ordinal).ToImmutableArray();
        foreach (var group in letters.GroupBy(d => (d.Ref, d.Reason)))
        {
            var first = group.First();
            var reason = first.Reason is { } r ? EnvelopeCodec.WireName(r) : "no reason given";
            gaps.Add(GapKind.DeadLetter, first.Ref, first.SentSeconds,
                $"{first.Ref} {EnvelopeCodec.KindName(first.Kind)} from {first.From} ({EnvelopeCodec.WireName(first.Label)}) sent at {ObservationIndex.T(first.SentSeconds)} " +
                $"was not delivered to {string.Join(", ", group.Select(d => d.Recipient))}: {reason}{Why(first.Reason)}");
        }
        return letters;
    }

    public static ImmutableArray<RefusalFigure> Refusals(ObservationIndex index, GapList gaps)
    {
        var refusals = index.Observations.Messages.Where(m => m.Refusal is not null)
            .Select(m => new RefusalFigure(m.Ref, m.Kind, m.From, m.Refusal!.Code, m.Refusal.Message, ObservationIndex.Seconds(m.Scenario)))
            .OrderBy(r => r.Seconds).ThenBy(r => r.Ref, StringComparer.Ordinal).ToImmutableArray();
        foreach (var refusal in refusals)
        {
            gaps.Add(GapKind.Refused, refusal.Ref, refusal.Seconds,
                $"{refusal.Ref} {EnvelopeCodec.KindName(refusal.Kind)} from {refusal.From} at {ObservationIndex.T(refusal.Seconds)} was refused by the mesh: {refusal.Code} {refusal.Message}");
        }
        return refusals;
    }

    public static ImmutableArray<RfiFigure> Rfis(ObservationIndex index, GapList gaps)
    {
        var result = ImmutableArray.CreateBuilder<RfiFigure>();
        // A reminder is an RFI answered by the receipt it chases (ReminderJudge), not by an RFI_RESPONSE.
        foreach (var rfi in index.OfKind(MessageKind.Rfi).Where(m => m.Reminds is null))
        {
            var asked = ObservationIndex.Seconds(rfi.Scenario);
            foreach (var participant in index.ActionPlayers(rfi))
            {
                var answer = index.Reply(rfi.Ref, participant, MessageKind.RfiResponse);
                result.Add(new RfiFigure(rfi.Ref, rfi.From, participant, asked, answer is null ? null : ObservationIndex.Seconds(answer.Scenario) - asked));
                if (answer is null)
                {
                    gaps.Add(GapKind.RfiUnanswered, rfi.Ref, index.Endex,
                        $"RFI {rfi.Ref} from {rfi.From} to {participant} (asked at {ObservationIndex.T(asked)}) was unanswered at ENDEX {ObservationIndex.T(index.Endex)}: \"{Question(rfi)}\"");
                }
            }
        }
        return result.ToImmutable();
    }

    private static string Question(ObservedMessage rfi)
    {
        var question = (rfi.Body as RfiBody)?.Question ?? "";
        return question.Length > 120 ? question[..117] + "..." : question;
    }

    private static string Why(NonDeliveryReason? reason) => reason switch
    {
        NonDeliveryReason.SecurityPolicy => " (label above the recipient's accreditation, or the recipient is outside releasable_to)",
        NonDeliveryReason.Expired => " (not fetched before expires_at: the recipient's gateway was not connected)",
        NonDeliveryReason.Unreachable => " (the recipient could not be reached before the mesh gave up)",
        NonDeliveryReason.UnknownRecipient => " (the recipient is not in the registry)",
        NonDeliveryReason.Corrupt => " (the stored message no longer decodes)",
        _ => "",
    };
}
