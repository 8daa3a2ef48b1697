namespace Article42.Mesh.Exercises;

/// <summary>
/// One step of the simulation plan: at <see cref="At"/> on the scenario clock, <see cref="Actor"/> sends a
/// message (or, for <see cref="PlannedActionType.StaySilent"/>, deliberately does not). Messages are named by
/// <see cref="Ref"/>, stable across runs, so replies can name what they answer before the mesh has given ids.
/// </summary>
public sealed record PlannedAction
{
    /// <summary>Position in the plan (0-based), in the order the runner performs the actions.</summary>
    public required int Sequence { get; init; }
    public required TimeSpan At { get; init; }
    public required string Actor { get; init; }
    public required PlannedActionType Type { get; init; }
    /// <summary>Unique name of the message, e.g. <c>M05</c> (MSEL) or <c>RECEIPT:DE:M05</c>.</summary>
    public required string Ref { get; init; }
    public required MessageKind Kind { get; init; }
    public ImmutableArray<string> To { get; init; } = [];
    public ImmutableArray<string> Info { get; init; } = [];
    public Precedence Precedence { get; init; }
    public SecurityLabel Label { get; init; } = SecurityLabel.Unclassified;
    public string? ActivationId { get; init; }
    /// <summary>The planned message this one answers (<c>in_reply_to</c>), by its ref.</summary>
    public string? InReplyToRef { get; init; }
    /// <summary>The planned message whose arrival causes this action; the runner waits until the actor has it.</summary>
    public string? TriggerRef { get; init; }
    /// <summary>The MSEL entry the action belongs to, if any.</summary>
    public string? InjectId { get; init; }
    /// <summary>The expectation a scripted response fulfils.</summary>
    public string? ExpectationId { get; init; }
    public required PayloadTemplate Payload { get; init; }
    /// <summary>Why the actor does this, for people reading the plan.</summary>
    public string Note { get; init; } = "";
    /// <summary>For EXCON's PAUSEEX: how long the exercise clock stands still, in real time (<see cref="Inject.ResumeAfter"/>).</summary>
    public TimeSpan? ResumeAfter { get; init; }
    /// <summary>How long the actor's degraded link held the message before it went out (resend included); zero when the link was clear.</summary>
    public TimeSpan LinkDelay { get; init; }
    /// <summary>For a reminder: the message whose missing receipt it chases (also its <see cref="InReplyToRef"/>); null for anything else.</summary>
    public string? Reminds { get; init; }
}
