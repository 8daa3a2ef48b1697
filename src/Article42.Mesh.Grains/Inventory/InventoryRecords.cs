namespace Article42.Mesh.Grains;

/// <summary>The latest INVENTORY_DECLARATION of a participant: quantity per category code.</summary>
internal sealed record DeclarationRecord(Dictionary<string, int> Quantities);

/// <summary>A reservation made, or (with quantity 0) released.</summary>
internal sealed record ReservationRecord(string ActivationId, string OfferId, string CategoryCode, int Quantity);
