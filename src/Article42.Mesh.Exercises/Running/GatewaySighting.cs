namespace Article42.Mesh.Exercises;

/// <summary>One thing a simulated gateway saw: its inbox handed it a message (<see cref="DeliveryEvent.Fetched"/>) or its report feed reported on one.</summary>
internal sealed record GatewaySighting(string MessageId, string Recipient, DeliveryEvent Event, DateTimeOffset At, NonDeliveryReason? Reason, int? ThresholdPercent);
