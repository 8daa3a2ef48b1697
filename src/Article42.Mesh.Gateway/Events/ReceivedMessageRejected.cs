namespace Article42.Mesh.Gateway;

/// <summary>
/// A message in this gateway's inbox that failed its check (<see cref="MeshGatewayOptions.VerifyReceived"/>): it was not
/// handed to the application, and it is acknowledged in the mesh once yielded here, so that a message that can never
/// verify does not hold the inbox for ever. Yielded once, like every event.
/// </summary>
/// <param name="MessageId">The message rejected.</param>
/// <param name="From">The sender the envelope names.</param>
/// <param name="KeyId">The key id the mesh recorded with the message's acceptance; null when it recorded none.</param>
/// <param name="Reason">What failed.</param>
/// <param name="At">When the gateway rejected it.</param>
/// <param name="Message">The message as the mesh handed it, for audit: not to be acted on.</param>
public sealed record ReceivedMessageRejected(string MessageId, string From, string? KeyId, ReceivedRejection Reason, DateTimeOffset At, InboxMessage Message) : MeshEvent(MessageId, At);
