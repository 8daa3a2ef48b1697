namespace Article42.Mesh.Exercises;

/// <summary>
/// One entry of the arrival log: what the mesh did about one message (by its <see cref="PlannedAction.Ref"/>) for one
/// participant, when on the exercise clock (<see cref="At"/>, whole seconds after STARTEX) and in real time.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="Ref">The message, by the engine's name for it.</param>
/// <param name="Participant">The recipient (received, reports) or the sender (submitted).</param>
/// <param name="At">The exercise clock's reading when it happened.</param>
/// <param name="Utc">The real time it happened.</param>
/// <param name="MsgId">The message id the runner gave it (submitted).</param>
/// <param name="Refusal">The mesh's refusal of the submit; null when accepted.</param>
/// <param name="Reason">Why a copy was not delivered (NDR).</param>
/// <param name="ThresholdPercent">Which escalation (50 or 100).</param>
public sealed record MeshFact(
    MeshFactKind Kind,
    string Ref,
    string Participant,
    TimeSpan At,
    DateTimeOffset Utc,
    string? MsgId = null,
    MeshError? Refusal = null,
    NonDeliveryReason? Reason = null,
    int? ThresholdPercent = null);
