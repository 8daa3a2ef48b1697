namespace Article42.Mesh.Gateway;

/// <summary>Delivery report (DR): the message is durable in <paramref name="Recipient"/>'s inbox.</summary>
/// <param name="MessageId">The message delivered.</param>
/// <param name="Recipient">The participant whose inbox holds it.</param>
/// <param name="At">When it was stored there.</param>
public sealed record Delivered(string MessageId, string Recipient, DateTimeOffset At) : MeshEvent(MessageId, At);
