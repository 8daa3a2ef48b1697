namespace Article42.Mesh.Grains;

/// <summary>
/// A receipt (RN) requested by default and not yet received: the message, the recipient that owes it, and the
/// deadlines at 50% and 100% of the precedence's receipt SLO. Kept as a queue row of the originator, written in
/// the same append as the acceptance, so the deadlines survive any crash. Exercise and drill traffic also keeps its
/// exercise and acceptance time: its deadlines are judged on that exercise's clock (<see cref="ExerciseClocks"/>).
/// </summary>
internal sealed record AwaitedReceipt(
    string MessageId,
    string Recipient,
    MessageKind Kind,
    Precedence Precedence,
    string? ActivationId,
    DateTimeOffset HalfAt,
    DateTimeOffset FullAt,
    bool HalfEscalated = false,
    string? ExerciseId = null,
    DateTimeOffset? AcceptedAt = null)
{
    /// <summary>The next deadline this receipt can still cross.</summary>
    public DateTimeOffset NextDeadline => HalfEscalated ? FullAt : HalfAt;
}
