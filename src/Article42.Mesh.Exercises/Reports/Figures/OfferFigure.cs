namespace Article42.Mesh.Exercises;

/// <summary>One offer: decision latency (offer → decision) and T_commit (acceptance → commitment).</summary>
public sealed record OfferFigure(
    string OfferId,
    string Offerer,
    string? ActivationId,
    string? RfaId,
    string? LineId,
    string CategoryCode,
    int Quantity,
    long OfferedSeconds,
    OfferDecisionKind? Decision,
    int Accepted,
    long? DecisionLatencySeconds,
    long? CommitLatencySeconds,
    string? CommitmentRefusal);
