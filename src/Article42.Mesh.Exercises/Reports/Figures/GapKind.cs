namespace Article42.Mesh.Exercises;

/// <summary>The kinds of shortfall the report lists.</summary>
public enum GapKind
{
    ReceiptMissing,
    ReceiptLate,
    InvocationNotAcknowledged,
    LineUncovered,
    OfferUndecided,
    NotCommitted,
    RfiUnanswered,
    DeadLetter,
    Refused,
    ExpectationMissed,

    /// <summary>A participant's link to the mesh was down (a scenario outage) while messages were sent to it.</summary>
    CommunicationsGap,
}
