namespace Article42.Mesh.Faults.History;

/// <summary>
/// One line of a client's JSON-lines history. <see cref="Client"/> is the participant the client speaks for (one client
/// per participant, so "the application" of a recipient is its client); the fields beyond it depend on
/// <see cref="Op"/>, and the ones an operation does not use stay null.
/// </summary>
public sealed record HistoryEntry
{
    /// <summary>When the client wrote the line (the machine's clock, shared by every process of a run).</summary>
    public required DateTimeOffset At { get; init; }

    public required string Client { get; init; }

    public required Operation Op { get; init; }

    /// <summary>The message id (every operation but <see cref="Operation.Start"/>).</summary>
    public string? Id { get; init; }

    /// <summary>Invoke, handed: the sender.</summary>
    public string? From { get; init; }

    /// <summary>Invoke: the addressees; ok: the recipients of the receipt, after group expansion.</summary>
    public ImmutableArray<string>? To { get; init; }

    /// <summary>Invoke: the action precedence; handed: the precedence that applies to this recipient.</summary>
    public Precedence? Precedence { get; init; }

    /// <summary>Ok: the receipt's acceptance time, the order the mesh promises to keep per sender, recipient and precedence.</summary>
    public DateTimeOffset? AcceptedAt { get; init; }

    /// <summary>Fail: the refusal code (A42-AREA-NNN).</summary>
    public string? Code { get; init; }

    /// <summary>Unknown: what ended the send (the exception's type and sentence, for the reader of the artefacts).</summary>
    public string? Error { get; init; }

    /// <summary>Handed: the inbox sequence the mesh gave the message.</summary>
    public long? Sequence { get; init; }

    /// <summary>
    /// Handed: the SDK's redelivered flag (<see cref="InboxMessage.Redelivered"/>); absent (null) in histories written before
    /// the SDK carried it. True says the gateway handed this message before its own crash and hands it again.
    /// </summary>
    public bool? Redelivered { get; init; }

    /// <summary>Report: <c>delivered</c> or <c>not_delivered</c>.</summary>
    public ReportKind? Report { get; init; }

    /// <summary>Report: the recipient the report is about.</summary>
    public string? Recipient { get; init; }
}
