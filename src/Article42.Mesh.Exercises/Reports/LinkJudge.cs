namespace Article42.Mesh.Exercises;

/// <summary>
/// Degraded links: each window of a participant's slow and lossy link during which messages crossed it is a figure and
/// a communications gap. A crossing in is a message that reached the participant's gateway inside the window (its first
/// fetch, or its delivery report where nothing was fetched: the planned engine's instant delivery); a crossing out is a
/// message the link held (<see cref="ObservedMessage.LinkDelay"/>). Losses are the players' own draws (<see cref="LinkCrossing"/>).
/// </summary>
internal static class LinkJudge
{
    private sealed record Crossed(DegradedWindow Window, bool Lost, ObservedMessage Message, bool Inbound);

    public static ImmutableArray<DegradedLinkFigure> Judge(ObservationIndex index, int seed, GapList gaps)
    {
        var figures = ImmutableArray.CreateBuilder<DegradedLinkFigure>();
        var reached = ReachedGateways(index);
        foreach (var participant in index.Scenario.Participants.Where(p => !p.Behaviour.Degraded.IsEmpty))
        {
            var crossings = Crossings(index, seed, participant, reached).ToList();
            foreach (var window in participant.Behaviour.Degraded.Where(w => w.From <= index.Scenario.Endex).OrderBy(w => w.From))
            {
                var crossed = crossings.Where(c => c.Window == window).OrderBy(c => c.Message.Ref, StringComparer.Ordinal).ToList();
                if (crossed.Count == 0)
                    continue;
                var figure = new DegradedLinkFigure(participant.Id, ObservationIndex.Seconds(window.From), ObservationIndex.Seconds(window.To),
                    ObservationIndex.Seconds(window.Delay), (decimal)window.Loss, [.. crossed.Select(c => c.Message.Ref)],
                    [.. crossed.Where(c => c.Lost).Select(c => c.Message.Ref)], LateReceipts(index, participant.Id, crossed));
                figures.Add(figure);
                gaps.Add(GapKind.CommunicationsGap, participant.Id, figure.From,
                    $"{participant.Id}'s link was degraded from {ObservationIndex.T(figure.From)} to {ObservationIndex.T(figure.To)} " +
                    $"(delay {ScenarioTime.FormatDuration(window.Delay)}, loss {(window.Loss * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} %): " +
                    $"{figure.Crossed.Length} messages crossed it ({ObservationIndex.FirstFive(figure.Crossed)}), {figure.Lost.Length} lost and resent{Listed(figure.Lost)}, " +
                    $"{figure.LateReceipts.Length} receipts late{Listed(figure.LateReceipts)}");
            }
        }
        return figures.ToImmutable();
    }

    private static IEnumerable<Crossed> Crossings(ObservationIndex index, int seed, ScenarioParticipant participant, Dictionary<(string Ref, string Participant), TimeSpan> reached)
    {
        var behaviour = participant.Behaviour;
        foreach (var message in index.Accepted.Where(m => behaviour.Online && index.AllPlayers(m).Contains(participant.Id)))
        {
            if (reached.TryGetValue((message.Ref, participant.Id), out var at) && LinkCrossing.At(behaviour, seed, participant.Id, message.Ref, at) is { } crossing)
                yield return new Crossed(crossing.Window, crossing.Lost, message, Inbound: true);
        }
        foreach (var message in index.Observations.Messages.Where(m => m.From == participant.Id && m.LinkDelay > TimeSpan.Zero))
        {
            if (LinkCrossing.At(behaviour, seed, participant.Id, message.Ref, message.Scenario - message.LinkDelay) is { } crossing)
                yield return new Crossed(crossing.Window, crossing.Lost, message, Inbound: false);
        }
    }

    /// <summary>When each recipient's gateway was first handed each message, what the players decided from: its first fetch, else its delivery report.</summary>
    private static Dictionary<(string Ref, string Participant), TimeSpan> ReachedGateways(ObservationIndex index) =>
        index.Observations.Deliveries.Where(d => d.Event is DeliveryEvent.Fetched or DeliveryEvent.Delivered)
            .GroupBy(d => (d.MessageRef, d.Recipient))
            .ToDictionary(g => g.Key, g => g.Any(d => d.Event == DeliveryEvent.Fetched)
                ? g.Where(d => d.Event == DeliveryEvent.Fetched).Min(d => d.Scenario)
                : g.Min(d => d.Scenario));

    /// <summary>The participant's receipts after their SLO whose message crossed in, or which crossed out, in this window.</summary>
    private static ImmutableArray<string> LateReceipts(ObservationIndex index, string participant, List<Crossed> crossed)
    {
        var late = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var crossing in crossed)
        {
            // In: the message crossed and its receipt may be late; out: the receipt itself crossed.
            var message = crossing.Inbound ? crossing.Message
                : crossing.Message is { Kind: MessageKind.Receipt, InReplyToRef: { } answered } ? index.ByRef.GetValueOrDefault(answered) : null;
            var receipt = crossing.Inbound ? index.Reply(crossing.Message.Ref, participant, MessageKind.Receipt) : crossing.Message;
            if (message is null || receipt is not { Accepted: true } || PrecedenceSlo.For(message.Precedence).Receipt is not { } slo)
                continue;
            if (ObservationIndex.Seconds(receipt.Scenario) - ObservationIndex.Seconds(message.Scenario) > ObservationIndex.Seconds(slo))
                late.Add(receipt.Ref);
        }
        return [.. late];
    }

    private static string Listed(ImmutableArray<string> refs) => refs.IsEmpty ? "" : $" ({ObservationIndex.FirstFive(refs)})";
}
