namespace Article42.Mesh.Gateway;

/// <summary>
/// Something the mesh or a recipient says about a message this gateway sent: a delivery or non-delivery report, a
/// receipt, an action acknowledgement, an escalation. Read them with <see cref="MeshGateway.EventsAsync"/>.
/// </summary>
/// <param name="MessageId">The id of the message this gateway sent that the event is about.</param>
/// <param name="At">When the mesh recorded it (reports) or the recipient created it (signed acknowledgements).</param>
public abstract record MeshEvent(string MessageId, DateTimeOffset At);
