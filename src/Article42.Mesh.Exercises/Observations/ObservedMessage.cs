namespace Article42.Mesh.Exercises;

/// <summary>One message a simulated gateway submitted, as the runner saw it.</summary>
public sealed record ObservedMessage
{
    /// <summary>The plan's name for it (<see cref="PlannedAction.Ref"/>); the message id for anything unplanned.</summary>
    public required string Ref { get; init; }
    public string? MsgId { get; init; }
    public required MessageKind Kind { get; init; }
    public required string From { get; init; }
    /// <summary>Action and info addressees as sent (groups allowed; the report expands them).</summary>
    public ImmutableArray<string> To { get; init; } = [];
    public ImmutableArray<string> Info { get; init; } = [];
    public Precedence Precedence { get; init; }
    public Classification Label { get; init; }
    public string? ActivationId { get; init; }
    /// <summary>The ref of the message this one answers (<c>in_reply_to</c>).</summary>
    public string? InReplyToRef { get; init; }
    public string? InjectId { get; init; }
    /// <summary>The typed body as sent (offers, decisions and commitments are read from it).</summary>
    public MessageBody? Body { get; init; }
    /// <summary>When it was submitted: scenario offset and real time.</summary>
    public required TimeSpan Scenario { get; init; }
    public required DateTimeOffset Utc { get; init; }
    /// <summary>The mesh's refusal of the submit; null when it was accepted.</summary>
    public MeshError? Refusal { get; init; }
    /// <summary>How long the sender's degraded link held it before it went out (<see cref="PlannedAction.LinkDelay"/>); zero when the link was clear.</summary>
    public TimeSpan LinkDelay { get; init; }

    /// <summary>For a reminder: the ref of the message whose missing receipt it chases (<see cref="PlannedAction.Reminds"/>).</summary>
    public string? Reminds { get; init; }

    public bool Accepted => Refusal is null;

    /// <summary>
    /// A planned message as sent: stamped with its planned scenario time (so judged figures do not depend on how fast
    /// the machine was), the real time it went out, its message id and typed body, and the mesh's refusal if any.
    /// </summary>
    public static ObservedMessage Of(PlannedAction action, string msgId, MessageBody body, DateTimeOffset utc, MeshError? refusal = null) => new()
    {
        Ref = action.Ref,
        MsgId = msgId,
        Kind = action.Kind,
        From = action.Actor,
        To = action.To,
        Info = action.Info,
        Precedence = action.Precedence,
        Label = action.Label.Level,
        ActivationId = action.ActivationId,
        InReplyToRef = action.InReplyToRef,
        InjectId = action.InjectId,
        Body = body,
        Scenario = action.At,
        Utc = utc,
        Refusal = refusal,
        LinkDelay = action.LinkDelay,
        Reminds = action.Reminds,
    };
}
