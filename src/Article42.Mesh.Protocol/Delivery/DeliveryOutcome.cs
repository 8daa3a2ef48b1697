namespace Article42.Mesh.Protocol;

/// <summary>
/// The recipient's answer to a batch: all of it is durable in its inbox; and its unacknowledged backlog, all of it and
/// the FLASH and OVERRIDE part, for backpressure.
/// </summary>
[GenerateSerializer, Immutable, Alias("a42.delivery-outcome")]
public sealed record DeliveryOutcome(
    [property: Id(0)] DateTimeOffset StoredAt,
    [property: Id(1)] long Backlog,
    [property: Id(2)] long UrgentBacklog = 0);
