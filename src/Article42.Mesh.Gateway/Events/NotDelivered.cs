namespace Article42.Mesh.Gateway;

/// <summary>Non-delivery report (NDR): <paramref name="Recipient"/>'s copy was dead-lettered and will never arrive.</summary>
/// <param name="MessageId">The message not delivered.</param>
/// <param name="Recipient">The participant that will not get it.</param>
/// <param name="Reason">Why (e.g. <see cref="NonDeliveryReason.SecurityPolicy"/> for a label above the recipient's ceiling); null if the mesh gave none.</param>
/// <param name="At">When the mesh gave up.</param>
public sealed record NotDelivered(string MessageId, string Recipient, NonDeliveryReason? Reason, DateTimeOffset At) : MeshEvent(MessageId, At);
