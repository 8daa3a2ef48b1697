namespace Article42.Mesh.Grains;

/// <summary>What a delivery or non-delivery entry says about one recipient.</summary>
internal sealed record RecipientRecord(string Recipient, NonDeliveryReason? Reason = null);
