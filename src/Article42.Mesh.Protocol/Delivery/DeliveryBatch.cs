namespace Article42.Mesh.Protocol;

/// <summary>Messages from one sender's outbox for one recipient, in the sender's dispatch order.</summary>
[GenerateSerializer, Immutable, Alias("a42.delivery-batch")]
public sealed record DeliveryBatch(
    [property: Id(0)] string Sender,
    [property: Id(1)] ImmutableArray<Envelope> Envelopes);
