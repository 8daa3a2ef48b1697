namespace Article42.Mesh.Exercises;

/// <summary>
/// The reactive engine (issue 22, item 2): nothing is decided ahead except the opening (inventories at STARTEX and the
/// MSEL). Each simulated participant decides when a message <em>arrives</em> at it over the mesh (<see cref="Record"/>
/// of a <see cref="MeshFactKind.Received"/> fact), by the same rules as the planned engine (<see cref="PlayerDecisions"/>),
/// from the arrival time on. A message the mesh refused or never delivered is never answered, so what the mesh does
/// changes what the players do. The decisions depend only on the scenario, the seed and the facts in the order
/// recorded: the same log gives the same decisions (<see cref="ArrivalReplay"/>).
/// </summary>
public sealed class ReactiveEngine
{
    private readonly Scenario _scenario;
    private readonly PlayerDecisions _players;
    private readonly PriorityQueue<PlannedAction, (TimeSpan, string)> _due = new();
    private readonly Dictionary<string, PlannedAction> _decided = new(StringComparer.Ordinal);
    private readonly HashSet<(string Participant, string Ref)> _arrived = [];
    private readonly List<MeshFact> _facts = [];
    private readonly HashSet<(string Participant, string Ref)> _silent = [];
    private readonly HashSet<(string Ref, string Recipient)> _reminded = [];
    private readonly Dictionary<(string Ref, string Recipient), PlannedAction> _reminders = [];
    private readonly HashSet<string> _submitted = new(StringComparer.Ordinal);

    public ReactiveEngine(Scenario scenario, int seed)
    {
        _scenario = scenario;
        Seed = seed;
        _players = new PlayerDecisions(scenario, seed);
        foreach (var action in _players.Opening())
            Decide(action);
    }

    public int Seed { get; }

    /// <summary>Every fact recorded, in order: the arrival log's body.</summary>
    public IReadOnlyList<MeshFact> Facts => _facts;

    /// <summary>Every decision taken so far (messages and deliberate silences), by scenario time then ref.</summary>
    public ImmutableArray<PlannedAction> Decisions =>
        [.. _decided.Values.OrderBy(a => a.At).ThenBy(a => a.Ref, StringComparer.Ordinal).Select((a, i) => a with { Sequence = i })];

    /// <summary>The next message due to be sent (earliest scenario time, then ref); null when nothing is due before ENDEX.</summary>
    public PlannedAction? Next => _due.TryPeek(out var action, out _) ? action : null;

    /// <summary>Takes <see cref="Next"/> off the queue: the caller sends it and records the mesh's answer.</summary>
    public PlannedAction TakeNext() => _due.Dequeue();

    /// <summary>The decision of a message ref, sent or not; null for a ref the engine never decided.</summary>
    public PlannedAction? Find(string messageRef) => _decided.GetValueOrDefault(messageRef);

    /// <summary>
    /// Learns a fact. A message received by a participant for the first time is decided upon at its arrival time;
    /// a second copy (a redelivery) is not a new message. Reactions that would fall after ENDEX never happen.
    /// An escalation of a missing receipt makes the originator remind that recipient, once per message and recipient;
    /// a reminder reaching a recipient that had stayed silent on the message makes it decide again.
    /// </summary>
    public void Record(MeshFact fact)
    {
        _facts.Add(fact);
        if (fact.Kind == MeshFactKind.Submitted)
            _submitted.Add(fact.Ref);
        if (!_decided.TryGetValue(fact.Ref, out var message))
            return;
        if (fact.Kind == MeshFactKind.Escalated && message.Reminds is null && _reminded.Add((fact.Ref, fact.Participant)))
        {
            // The first escalation reminds; the second finds the reminder decided and does not chase again.
            if (_players.Reminder(message, fact.Participant, fact.At) is { } reminder)
            {
                Decide(reminder);
                _reminders[(fact.Ref, fact.Participant)] = reminder;
            }
            return;
        }
        if (fact.Kind != MeshFactKind.Received || !_arrived.Add((fact.Participant, fact.Ref)))
            return;
        if (message.Reminds is { } chased)
        {
            // A reminder is answered by the receipt of what it chases, not by an answer of its own; only a silence is re-decided
            // (a reaction already decided, even one waiting for a desk to open, stands).
            if (_silent.Contains((fact.Participant, chased)))
                Decide(_players.Reminded(_decided[chased], fact.Participant, fact.Ref, fact.At));
            return;
        }
        if (message is { Kind: MessageKind.Receipt, InReplyToRef: { } receipted } && _reminders.Remove((receipted, message.Actor), out var pending)
            && pending.Actor == fact.Participant && !_submitted.Contains(pending.Ref))
        {
            // The receipt reached the originator before its reminder went out (by the log, so a replay drops it too): the desk drops it.
            _due.Remove(pending, out _, out _, ReferenceEqualityComparer.Instance);
            _decided.Remove(pending.Ref);
        }
        Decide(_players.Arrived(message, fact.Participant, fact.At));
    }

    /// <summary>What was observed, for the report: the sent messages (at their decided scenario time) and the facts as deliveries.</summary>
    public ExerciseObservations Observe(ArrivalLog header)
    {
        DateTimeOffset Real(TimeSpan offset) => header.StartexUtc + offset / header.Compression;
        var messages = _facts.Where(f => f.Kind == MeshFactKind.Submitted && _decided.ContainsKey(f.Ref)).Select(f =>
        {
            var action = _decided[f.Ref];
            return ObservedMessage.Of(action, f.MsgId!, action.Payload.ToBody(Real), f.Utc, f.Refusal);
        }).OrderBy(m => m.Scenario).ThenBy(m => m.Ref, StringComparer.Ordinal).ToImmutableArray();
        var deliveries = _facts.Where(f => f.Kind != MeshFactKind.Submitted && _decided.ContainsKey(f.Ref))
            .Select(f => new ObservedDelivery(f.Ref, f.Participant, EventOf(f.Kind), f.At, f.Utc, f.Reason, f.ThresholdPercent))
            .OrderBy(d => d.Scenario).ThenBy(d => d.MessageRef, StringComparer.Ordinal).ThenBy(d => d.Recipient, StringComparer.Ordinal).ThenBy(d => d.Event)
            .ToImmutableArray();
        return new ExerciseObservations
        {
            ExerciseId = header.ExerciseId,
            Seed = Seed,
            StartexUtc = header.StartexUtc,
            EndexUtc = header.EndexUtc,
            Host = header.Host,
            MeshProfile = header.MeshProfile,
            Messages = messages,
            Deliveries = deliveries,
            Activations = header.Activations,
        };
    }

    /// <summary>One line per decision, payload included: two runs decided the same exactly when these texts are equal.</summary>
    public string Describe() => SimulationPlan.Describe(_scenario, Seed, Decisions);

    private void Decide(IEnumerable<PlannedAction> actions)
    {
        foreach (var action in actions)
            Decide(action);
    }

    private void Decide(PlannedAction action)
    {
        if (action.At > _scenario.Endex || !_decided.TryAdd(action.Ref, action))
            return;
        if (action is { Type: PlannedActionType.StaySilent, TriggerRef: { } silentOn })
            _silent.Add((action.Actor, silentOn));
        if (action.Type == PlannedActionType.Send)
            _due.Enqueue(action, (action.At, action.Ref));
    }

    private static DeliveryEvent EventOf(MeshFactKind kind) => kind switch
    {
        MeshFactKind.Received => DeliveryEvent.Fetched,
        MeshFactKind.Delivered => DeliveryEvent.Delivered,
        MeshFactKind.NotDelivered => DeliveryEvent.NotDelivered,
        _ => DeliveryEvent.Escalated,
    };
}
