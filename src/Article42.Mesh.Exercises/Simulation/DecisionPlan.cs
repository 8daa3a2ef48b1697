namespace Article42.Mesh.Exercises;

/// <summary>An invoker's planned answer to one offer.</summary>
internal sealed record DecisionPlan(string OfferId, OfferDecisionKind Decision, int? AcceptedQuantity, string Reason);
