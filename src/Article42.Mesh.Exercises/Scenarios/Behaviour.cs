namespace Article42.Mesh.Exercises;

/// <summary>
/// How a simulated participant answers traffic: how fast per precedence (scenario time), how often it stays
/// silent, what it can offer, and how long its national approval of a commitment takes.
/// </summary>
public sealed record Behaviour
{
    /// <summary>Time from a message's arrival to the participant's reaction, per action precedence.</summary>
    public ImmutableDictionary<Precedence, TimeSpan> Reaction { get; init; } = ImmutableDictionary<Precedence, TimeSpan>.Empty;
    /// <summary>Each reaction time is spread by up to this fraction either way (0..0.9), drawn from the seed.</summary>
    public double Jitter { get; init; }
    /// <summary>Probability (0..1) that the participant leaves a given message unanswered, on top of its kind's default; 1 is a silent state.</summary>
    public double Silence { get; init; }
    /// <summary>Per message kind, the probability (0..1) of leaving one unanswered, instead of <see cref="Silence"/> (an INVOCATION almost never, a SITREP often).</summary>
    public ImmutableDictionary<MessageKind, double> Ignore { get; init; } = ImmutableDictionary<MessageKind, double>.Empty;
    /// <summary>How reaction times spread around the typical time: evenly within the jitter, or log-normal with a tail of late reactions.</summary>
    public ReactionSpread Spread { get; init; }
    /// <summary>False for a participant whose gateway never connects: its messages are never delivered.</summary>
    public bool Online { get; init; } = true;
    /// <summary>The position it states after an invocation; null states none.</summary>
    public SolidarityPosition? Solidarity { get; init; }
    public bool NeutralityCaveat { get; init; }
    /// <summary>For an invoker: the time it takes to decide an offer.</summary>
    public TimeSpan Decision { get; init; }
    public NationalApproval Approval { get; init; } = NationalApproval.None;
    /// <summary>Time from an accepted offer to the commitment when <see cref="Approval"/> is not NONE.</summary>
    public TimeSpan ApprovalDelay { get; init; }
    /// <summary>Offers every matching line in full even beyond its declared capacity (competing activations).</summary>
    public bool Overcommit { get; init; }
    public ImmutableArray<Capability> Capabilities { get; init; } = [];
    /// <summary>When its desk is staffed, in its time zone; null: around the clock. Off duty, an arrival waits for the next duty start.</summary>
    public DutyHours? Duty { get; init; }
    /// <summary>When its link to the mesh is down: what arrives waits for the end of the window, and nothing it sends goes out before.</summary>
    public ImmutableArray<TimeWindow> Outages { get; init; } = [];
    /// <summary>How many messages it handles at once (each for its reaction time); null: as many as arrive.</summary>
    public int? Staff { get; init; }
    /// <summary>When its link to the mesh is slow and lossy: what reaches its gateway is learnt, and what it sends goes out, a crossing's cost later (<see cref="DegradedWindow"/>).</summary>
    public ImmutableArray<DegradedWindow> Degraded { get; init; } = [];
    /// <summary>Chases a missing receipt: when the mesh escalates one of its messages, it sends the silent recipient one reminder (an RFI naming the message).</summary>
    public bool Reminds { get; init; } = true;
    /// <summary>Probability (0..1) that it answers a message it had left unanswered once a reminder about it arrives.</summary>
    public double Reminded { get; init; } = DefaultReminded;

    /// <summary>The built-in <see cref="Reminded"/>: most desks, chased, find the message and answer it; some do not.</summary>
    public const double DefaultReminded = 0.7;

    /// <summary>
    /// The probability of leaving a message of <paramref name="kind"/> unanswered: its own when the scenario gives one,
    /// else the silence combined with the kind's default (an INVOCATION almost never, a SITREP often; see <see cref="KindResponse"/>).
    /// </summary>
    public double IgnoreChance(MessageKind kind) => Ignore.TryGetValue(kind, out var chance) ? chance : KindResponse.Combined(Silence, kind);

    /// <summary>The reaction time for a precedence; OVERRIDE falls back to FLASH, DEFERRED to ROUTINE.</summary>
    public TimeSpan ReactionTo(Precedence precedence) =>
        Reaction.TryGetValue(precedence, out var time) ? time
        : precedence == Precedence.Override && Reaction.TryGetValue(Precedence.Flash, out var flash) ? flash
        : Reaction.TryGetValue(Precedence.Routine, out var routine) ? routine
        : TimeSpan.FromMinutes(30);

    /// <summary>The end of the outage <paramref name="at"/> falls in, or <paramref name="at"/> when the link is up.</summary>
    public TimeSpan Reachable(TimeSpan at) => Outages.FirstOrDefault(o => o.Contains(at)) is { } outage ? Reachable(outage.To) : at;

    /// <summary>When the participant can start on something that reached its gateway at <paramref name="at"/>: after the outage it falls in, at the next duty start when off duty.</summary>
    public TimeSpan Available(TimeSpan at, DateTimeOffset simulatedStart)
    {
        var start = Reachable(at);
        // A duty start inside an outage waits for the outage, whose end may be off duty again; a handful of rounds settle any real roster.
        for (var round = 0; round < 16 && Duty is { } duty; round++)
        {
            var next = Reachable(start + duty.WaitFrom(simulatedStart + start));
            if (next == start)
                break;
            start = next;
        }
        return start;
    }
}
