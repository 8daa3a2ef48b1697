namespace Article42.Mesh.Protocol;

/// <summary>Where an activation stands, for <c>a42 status</c> and the exercise report.</summary>
[GenerateSerializer, Immutable, Alias("a42.activation-summary")]
public sealed record ActivationSummary(
    [property: Id(0)] string ActivationId,
    [property: Id(1)] ActivationState State,
    [property: Id(2)] string Invoker,
    [property: Id(3)] LegalBasis LegalBasis,
    [property: Id(4)] MessageMode Mode,
    [property: Id(5)] bool IpcrRequested,
    [property: Id(6)] DateTimeOffset InvokedAt,
    [property: Id(7)] ImmutableArray<string> Acknowledged,
    [property: Id(8)] ImmutableArray<string> NotYetAcknowledged,
    [property: Id(9)] ImmutableArray<RfaLineSummary> Lines,
    [property: Id(10)] ImmutableArray<OfferSummary> Offers,
    [property: Id(11)] ImmutableArray<SloBreach> Breaches,
    [property: Id(12)] Classification HighWaterMark,
    [property: Id(13)] ImmutableDictionary<MessageKind, int> PrecedenceInflation);
