namespace Article42.Mesh.Gateway;

/// <summary>ACTION_ACK: <paramref name="From"/> answered a tasking (WILCO, CANTCO, UNABLE, HAVE_RECEIVED).</summary>
/// <param name="MessageId">The tasking answered (the acknowledgement's <c>in_reply_to</c>).</param>
/// <param name="From">The recipient that answered.</param>
/// <param name="Response">The answer.</param>
/// <param name="Remarks">The recipient's remarks, if any.</param>
/// <param name="At">When the recipient created the answer.</param>
/// <param name="Envelope">The signed ACTION_ACK envelope, for audit.</param>
public sealed record ActionAcknowledged(string MessageId, string From, ActionResponse? Response, string? Remarks, DateTimeOffset At, Envelope Envelope) : MeshEvent(MessageId, At);
