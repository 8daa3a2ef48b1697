namespace Article42.Mesh.Exercises;

/// <summary>
/// One MSEL entry: at <see cref="At"/> the participant <see cref="From"/> sends a message of <see cref="Kind"/>.
/// From EXCON it is an INJECT (narrative for the players); from a playing participant it is that participant's
/// scripted operational message (the invocation, an RFA, a SITREP ...).
/// </summary>
public sealed record Inject
{
    /// <summary>MSEL id, unique in the scenario (e.g. <c>M04</c>).</summary>
    public required string Id { get; init; }
    public required TimeSpan At { get; init; }
    public required string From { get; init; }
    public ImmutableArray<string> To { get; init; } = [];
    public ImmutableArray<string> Info { get; init; } = [];
    public required MessageKind Kind { get; init; }
    public required Precedence Precedence { get; init; }
    public SecurityLabel Label { get; init; } = SecurityLabel.Unclassified;
    public string? ActivationId { get; init; }
    /// <summary>The inject whose message this one answers (<c>in_reply_to</c>), for reply kinds.</summary>
    public string? ReplyTo { get; init; }
    public string Title { get; init; } = "";
    /// <summary>The typed body, with scenario times still as offsets.</summary>
    public required PayloadTemplate Payload { get; init; }
    public ImmutableArray<Expectation> Expectations { get; init; } = [];
    /// <summary>For EXCON's PAUSEEX: how long the pause lasts in real time; the runner sends RESUMEEX when it has passed.</summary>
    public TimeSpan? ResumeAfter { get; init; }

    /// <summary>True for EXCON's INJECT messages, false for scripted participant traffic.</summary>
    public bool IsExcon => From == ScenarioLoader.Excon;
}
