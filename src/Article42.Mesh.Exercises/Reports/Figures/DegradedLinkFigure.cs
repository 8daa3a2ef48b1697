namespace Article42.Mesh.Exercises;

/// <summary>
/// One window of a participant's degraded link (seconds after STARTEX) and what crossed it: every message it held
/// (reaching the participant's gateway or sent by it), those lost and resent, and the participant's receipts that ended
/// up after their SLO with a crossing of this window on their way.
/// </summary>
public sealed record DegradedLinkFigure(
    string Participant,
    long From,
    long To,
    long DelaySeconds,
    decimal Loss,
    ImmutableArray<string> Crossed,
    ImmutableArray<string> Lost,
    ImmutableArray<string> LateReceipts);
