namespace Article42.Mesh.Exercises;

/// <summary>A delivery fact about one recipient's copy of a message, keyed by the message's ref.</summary>
public sealed record ObservedDelivery(
    string MessageRef,
    string Recipient,
    DeliveryEvent Event,
    TimeSpan Scenario,
    DateTimeOffset Utc,
    NonDeliveryReason? Reason = null,
    int? ThresholdPercent = null);
