namespace Article42.Mesh.Grains;

/// <summary>
/// How much of a recipient's inbox each precedence may fill. ROUTINE..IMMEDIATE stop at <c>InboxCap</c> unacknowledged
/// messages of any precedence; FLASH and OVERRIDE stop at their own share, so an urgent flood can neither grow an
/// inbox without bound nor take more than its share of the room ROUTINE traffic has. An inbox holds at most
/// <c>InboxCap + UrgentInboxShare</c> messages. Pure: the outbox knows the loads, this decides.
/// </summary>
internal sealed class UrgentShare(long inboxCap, long urgentShare)
{
    public static bool IsUrgent(Precedence precedence) => precedence >= Precedence.Flash;

    /// <summary>True when a message at <paramref name="applicable"/> precedence no longer fits an inbox holding <paramref name="backlog"/> messages, <paramref name="urgentBacklog"/> of them urgent.</summary>
    public bool IsFull(Precedence applicable, long backlog, long urgentBacklog) =>
        IsUrgent(applicable) ? urgentBacklog >= urgentShare : backlog >= inboxCap;

    public MeshError Refusal(string recipient, Precedence applicable) => IsUrgent(applicable)
        ? new MeshError(ErrorCodes.UrgentShareFull, "$.to_action", $"the inbox of '{recipient}' holds its share of {urgentShare} unacknowledged FLASH and OVERRIDE messages; urgent traffic to it passes again as they are acknowledged")
        : new MeshError(ErrorCodes.InboxFull, "$.to_action", $"the inbox of '{recipient}' holds {inboxCap} unacknowledged messages; only FLASH and OVERRIDE pass until it drains");
}
