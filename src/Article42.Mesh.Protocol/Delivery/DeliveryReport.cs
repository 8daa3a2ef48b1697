namespace Article42.Mesh.Protocol;

/// <summary>
/// An unsigned report in the originator's feed, keyed by (message id, recipient, kind); an escalation also names
/// the threshold (50 or 100 percent of the receipt SLO) it crossed. <see cref="Position"/>
/// orders the feed: a gateway asks for reports after the last position it has seen.
/// </summary>
[GenerateSerializer, Immutable, Alias("a42.delivery-report")]
public sealed record DeliveryReport(
    [property: Id(0)] string MessageId,
    [property: Id(1)] string Recipient,
    [property: Id(2)] ReportKind Kind,
    [property: Id(3)] NonDeliveryReason? Reason,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] long Position,
    [property: Id(6)] int? ThresholdPercent = null);
