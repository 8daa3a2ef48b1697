namespace Article42.Mesh.Gateway;

/// <summary>NON_RECEIPT (NRN): <paramref name="From"/> discarded the message or let it expire unread.</summary>
/// <param name="MessageId">The message concerned (the non-receipt's <c>in_reply_to</c>).</param>
/// <param name="From">The recipient that sent the non-receipt.</param>
/// <param name="Reason">Why, as the recipient stated it.</param>
/// <param name="At">When the recipient created the non-receipt.</param>
/// <param name="Envelope">The signed NON_RECEIPT envelope, for audit.</param>
public sealed record NonReceiptReceived(string MessageId, string From, NonReceiptReason? Reason, DateTimeOffset At, Envelope Envelope) : MeshEvent(MessageId, At);
