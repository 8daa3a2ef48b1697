namespace Article42.Mesh.Gateway;

/// <summary>
/// Something the mesh or a recipient says about a message this gateway sent: a delivery or non-delivery report, a
/// receipt, an action acknowledgement, an escalation; or what the gateway's own checks refused (issue #21): a received
/// message (<see cref="ReceivedMessageRejected"/>), a registry document (<see cref="RegistryRejected"/>). Read them
/// with <see cref="MeshGateway.EventsAsync"/>.
/// </summary>
/// <param name="MessageId">The id of the message the event is about (sent by this gateway, or received and rejected); empty for a <see cref="RegistryRejected"/>.</param>
/// <param name="At">When the mesh recorded it (reports) or the recipient created it (signed acknowledgements).</param>
public abstract record MeshEvent(string MessageId, DateTimeOffset At);
