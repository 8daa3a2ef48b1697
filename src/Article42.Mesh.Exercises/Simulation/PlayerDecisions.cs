namespace Article42.Mesh.Exercises;

/// <summary>
/// What a simulated participant decides when a message reaches it, from the moment it arrives: stay silent (drawn from
/// its behaviour, keyed by seed, recipient and message) or react by the rules of <see cref="Reactions"/>. The one place
/// both engines decide: the planned engine calls it at the send time (instant delivery on a perfect mesh), the reactive
/// engine at the arrival the recipient's gateway saw.
/// </summary>
internal sealed class PlayerDecisions(Scenario scenario, int seed)
{
    private readonly Reactions _reactions = new(scenario, seed);
    private readonly Staffing _staffing = new();

    /// <summary>What is played without waiting for anything: the inventories at STARTEX and the MSEL entries at their times.</summary>
    public IEnumerable<PlannedAction> Opening() => _reactions.Inventories().Concat(scenario.Msel.Select(Scripted));

    /// <summary>Playing recipients of a message, action and info, groups expanded, the sender left out.</summary>
    public ImmutableArray<string> Recipients(PlannedAction message) => Expand(message.To.AddRange(message.Info), message.Actor);

    /// <summary>True when a perfect mesh would hand the message to the recipient: its gateway is online and its clearance covers the label.</summary>
    public bool Reaches(PlannedAction message, string recipient) =>
        scenario.Participant(recipient) is { Behaviour.Online: true } && Cleared(recipient, message.Label);

    /// <summary>
    /// The recipient's decisions about <paramref name="message"/>, which reached its gateway at <paramref name="at"/> on the
    /// scenario clock: learnt a crossing's cost later while its link is degraded, taken up after any outage, off-duty wait
    /// and busy desk, then answered by its reaction times; an answer due while its link is down goes out when the link is
    /// back, and one that leaves while it is degraded a crossing's cost later.
    /// </summary>
    public ImmutableArray<PlannedAction> Arrived(PlannedAction message, string recipient, TimeSpan at)
    {
        if (scenario.Participant(recipient) is not { } participant)
            return [];
        var behaviour = participant.Behaviour;
        if (DeterministicRandom.Unit(seed, "silence", recipient, message.Ref) < behaviour.IgnoreChance(message.Kind))
            return [_reactions.Silent(participant, message with { At = at })];
        return React(participant, message, recipient, Learnt(behaviour, recipient, message.Ref, at));
    }

    /// <summary>
    /// The originator's reminder when the mesh escalated the missing receipt of <paramref name="message"/> from
    /// <paramref name="recipient"/> at <paramref name="at"/>: decided like any reaction of the originator (outage, duty,
    /// busy desk, its reaction time to the message's precedence, a degraded link), learnt over its own link; null when its
    /// behaviour does not remind, and for a recipient that does not play (a group such as ALL-MS reaches every member
    /// state; those outside the exercise never answer, and the report owes them nothing).
    /// </summary>
    public PlannedAction? Reminder(PlannedAction message, string recipient, TimeSpan at)
    {
        if (!scenario.Plays(recipient) || scenario.Participant(message.Actor) is not { Behaviour.Reminds: true } originator)
            return null;
        var behaviour = originator.Behaviour;
        var typical = behaviour.ReactionTo(message.Precedence);
        var learnt = Learnt(behaviour, originator.Id, $"{message.Ref}/{recipient}/escalated", at);
        var takenUp = _staffing.TakeUp(originator, behaviour.Available(learnt, scenario.SimulatedStart), typical);
        var chase = ReactionTime.Draw(seed, typical, behaviour.Jitter, behaviour.Spread, "reminder", originator.Id, $"{message.Ref}/{recipient}");
        var reminder = Reactions.Reminder(originator.Id, recipient, message, behaviour.Reachable(takenUp + chase));
        return OverTheLink(originator.Id, behaviour, reminder);
    }

    /// <summary>
    /// The second decision of a recipient that had left <paramref name="message"/> unanswered, when the reminder
    /// <paramref name="reminderRef"/> about it reached its gateway at <paramref name="at"/>: a fresh draw against its
    /// <see cref="Behaviour.Reminded"/>; if it answers, it reacts by the normal rules from the reminder's arrival on.
    /// </summary>
    public ImmutableArray<PlannedAction> Reminded(PlannedAction message, string recipient, string reminderRef, TimeSpan at) =>
        scenario.Participant(recipient) is { } participant && DeterministicRandom.Unit(seed, "remind", recipient, message.Ref) < participant.Behaviour.Reminded
            ? React(participant, message, recipient, Learnt(participant.Behaviour, recipient, reminderRef, at))
            : [];

    /// <summary>When what reached the participant's gateway at <paramref name="at"/> is learnt: a crossing's cost later while its link is degraded.</summary>
    private TimeSpan Learnt(Behaviour behaviour, string participant, string crossingRef, TimeSpan at) =>
        at + (LinkCrossing.At(behaviour, seed, participant, crossingRef, at)?.Cost ?? TimeSpan.Zero);

    /// <summary>Taken up after any outage, off-duty wait and busy desk, then answered by the reaction times; an answer due while the link is down goes out when it is back.</summary>
    private ImmutableArray<PlannedAction> React(ScenarioParticipant participant, PlannedAction message, string recipient, TimeSpan learnt)
    {
        var behaviour = participant.Behaviour;
        var workable = behaviour.Available(learnt, scenario.SimulatedStart);
        var takenUp = _staffing.TakeUp(participant, workable, behaviour.ReactionTo(message.Precedence));
        return [.. _reactions.For(participant, message with { At = takenUp }, Expand(message.To, message.Actor).Contains(recipient))
            .Select(reaction => OverTheLink(recipient, behaviour, reaction with { At = behaviour.Reachable(reaction.At) }))];
    }

    /// <summary>A reaction that leaves while the sender's link is degraded goes out the crossing's cost later, which the report reads from <see cref="PlannedAction.LinkDelay"/>.</summary>
    private PlannedAction OverTheLink(string sender, Behaviour behaviour, PlannedAction reaction) =>
        LinkCrossing.At(behaviour, seed, sender, reaction.Ref, reaction.At) is { } crossing
            ? reaction with { At = reaction.At + crossing.Cost, LinkDelay = crossing.Cost }
            : reaction;

    private bool Cleared(string recipient, SecurityLabel label) =>
        scenario.Registry.Find(recipient) is { } participant && participant.AccreditationMax >= label.Level
        && (label.ReleasableTo.IsDefaultOrEmpty || scenario.Registry.Expand(label.ReleasableTo, sender: "").Contains(recipient));

    private ImmutableArray<string> Expand(ImmutableArray<string> addressees, string sender) =>
        [.. scenario.Registry.Expand(addressees, sender).Where(scenario.Plays)];

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
        ResumeAfter = inject.ResumeAfter,
        Note = inject.Title.Length > 0 ? $"MSEL {inject.Id}: {inject.Title}" : $"MSEL {inject.Id}",
    };
}
