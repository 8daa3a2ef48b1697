namespace Article42.Mesh.Exercises;

/// <summary>
/// The simulation as a discrete-event run on the scenario clock: messages are taken in time order, and each
/// playing recipient reacts by its behaviour (receipt, WILCO, acknowledgement, solidarity, offers, decisions,
/// commitments, RFI answers, scripted responses). Delivery is taken as instant on the scenario clock; the runner
/// waits for the real arrival of an action's trigger before performing it.
/// </summary>
internal sealed class Planner(Scenario scenario, int seed)
{
    private readonly PriorityQueue<PlannedAction, (TimeSpan, string)> _queue = new();
    private readonly List<PlannedAction> _done = [];
    private readonly HashSet<string> _refs = new(StringComparer.Ordinal);
    private readonly Reactions _reactions = new(scenario, seed);

    public ImmutableArray<PlannedAction> Run()
    {
        foreach (var action in _reactions.Inventories())
            Enqueue(action);
        foreach (var inject in scenario.Msel)
            Enqueue(Scripted(inject));
        while (_queue.TryDequeue(out var action, out _))
        {
            _done.Add(action);
            if (action.Type == PlannedActionType.Send)
                React(action);
        }
        return [.. _done.OrderBy(a => a.At).ThenBy(a => a.Ref, StringComparer.Ordinal).Select((a, i) => a with { Sequence = i })];
    }

    private void React(PlannedAction message)
    {
        var action = Expand(message.To, message.Actor);
        var everyone = Expand(message.To.AddRange(message.Info), message.Actor);
        foreach (var recipient in everyone)
        {
            var participant = scenario.Participant(recipient)!;
            // An offline gateway never fetches; a label above the recipient's ceiling is never delivered (NDR).
            if (!participant.Behaviour.Online || !Cleared(recipient, message.Label))
                continue;
            if (DeterministicRandom.Unit(seed, "silence", recipient, message.Ref) < participant.Behaviour.IgnoreChance(message.Kind))
            {
                Enqueue(_reactions.Silent(participant, message));
                continue;
            }
            foreach (var reaction in _reactions.For(participant, message, action.Contains(recipient)))
                Enqueue(reaction);
        }
    }

    private bool Cleared(string recipient, SecurityLabel label) =>
        scenario.Registry.Find(recipient) is { } participant && participant.AccreditationMax >= label.Level
        && (label.ReleasableTo.IsDefaultOrEmpty || scenario.Registry.Expand(label.ReleasableTo, sender: "").Contains(recipient));

    private ImmutableArray<string> Expand(ImmutableArray<string> addressees, string sender) =>
        [.. scenario.Registry.Expand(addressees, sender).Where(scenario.Plays)];

    private void Enqueue(PlannedAction action)
    {
        // Reactions that would fall after ENDEX never happen; a ref is planned once.
        if (action.At > scenario.Endex || !_refs.Add(action.Ref))
            return;
        _queue.Enqueue(action, (action.At, action.Ref));
    }

    private static PlannedAction Scripted(Inject inject) => new()
    {
        Sequence = 0,
        At = inject.At,
        Actor = inject.From,
        Type = PlannedActionType.Send,
        Ref = inject.Id,
        Kind = inject.Kind,
        To = inject.To,
        Info = inject.Info,
        Precedence = inject.Precedence,
        Label = inject.Label,
        ActivationId = inject.ActivationId,
        InReplyToRef = inject.ReplyTo,
        InjectId = inject.Id,
        Payload = inject.Payload,
        Note = inject.Title.Length > 0 ? $"MSEL {inject.Id}: {inject.Title}" : $"MSEL {inject.Id}",
    };
}
