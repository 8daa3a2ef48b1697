namespace Article42.Mesh.Gateway;

/// <summary>RECEIPT (RN): <paramref name="From"/> has read and accepted the message; a signed envelope from its gateway.</summary>
/// <param name="MessageId">The message receipted (the receipt's <c>in_reply_to</c>).</param>
/// <param name="From">The recipient that sent the receipt.</param>
/// <param name="At">When the recipient created the receipt.</param>
/// <param name="Envelope">The signed RECEIPT envelope, for audit.</param>
public sealed record ReceiptReceived(string MessageId, string From, DateTimeOffset At, Envelope Envelope) : MeshEvent(MessageId, At);
