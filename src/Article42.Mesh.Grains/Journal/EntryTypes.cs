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
    /// <summary>A receipt requested by default arrived; payload: <see cref="RecipientRecord"/> of the recipient that sent it.</summary>
    public const string Receipted = "receipted";
    /// <summary>A receipt requested by default is missing at 50% or 100% of its SLO; payload: <see cref="EscalationRecord"/>.</summary>
    public const string Escalated = "escalated";
    /// <summary>A message arrived in this inbox; its inbox sequence is the entry's version; payload: <see cref="ReceivedRecord"/>.</summary>
    public const string Received = "received";
    /// <summary>A message was handed to a gateway session (the <c>fetched_at</c> of a trace); payload: <see cref="ReceivedRecord"/>.</summary>
    public const string Fetched = "fetched";
    /// <summary>The gateway acknowledged a message; payload: <see cref="ReceivedRecord"/> of the acknowledged message.</summary>
    public const string Acknowledged = "acknowledged";
}
