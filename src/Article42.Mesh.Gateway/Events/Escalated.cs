namespace Article42.Mesh.Gateway;

/// <summary>An acknowledgement requested of <paramref name="Recipient"/> by default is still missing at 50% or 100% of its SLO.</summary>
/// <param name="MessageId">The message still waiting for its receipt.</param>
/// <param name="Recipient">The participant that has not acknowledged.</param>
/// <param name="ThresholdPercent">50 or 100: the share of the receipt SLO that has passed.</param>
/// <param name="At">When the mesh raised it.</param>
public sealed record Escalated(string MessageId, string Recipient, int ThresholdPercent, DateTimeOffset At) : MeshEvent(MessageId, At);
