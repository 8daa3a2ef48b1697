namespace Article42.Mesh.Exercises;

/// <summary>An offer a simulated participant will make against one RFA line.</summary>
internal sealed record OfferPlan(string OfferId, string Offerer, string RfaId, string LineId, string CategoryCode, int Quantity, string Unit, string Description);
