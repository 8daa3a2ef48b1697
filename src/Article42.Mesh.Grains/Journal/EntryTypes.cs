namespace Article42.Mesh.Grains;

/// <summary>Types of the entries in a participant's journal stream.</summary>
internal static class EntryTypes
{
    /// <summary>A message this participant sent was accepted; payload: the signed envelope.</summary>
    public const string Accepted = "accepted";
    /// <summary>One recipient holds the message durably (the delivery report); payload: <see cref="RecipientRecord"/>.</summary>
    public const string Delivered = "delivered";
    /// <summary>One recipient will never get the message (the non-delivery report); payload: <see cref="RecipientRecord"/>.</summary>
    public const string DeadLettered = "dead-lettered";
    /// <summary>A message arrived in this inbox; its inbox sequence is the entry's version; payload: <see cref="ReceivedRecord"/>.</summary>
    public const string Received = "received";
    /// <summary>A message was handed to a gateway session (the <c>fetched_at</c> of a trace); payload: <see cref="ReceivedRecord"/>.</summary>
    public const string Fetched = "fetched";
    /// <summary>The gateway acknowledged a message; payload: <see cref="ReceivedRecord"/> of the acknowledged message.</summary>
    public const string Acknowledged = "acknowledged";
}
