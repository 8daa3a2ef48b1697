namespace Article42.Mesh.Protocol;

/// <summary>One offer in the ledger: who offered what against which line, and where it stands.</summary>
[GenerateSerializer, Immutable, Alias("a42.offer-summary")]
public sealed record OfferSummary(
    [property: Id(0)] string OfferId,
    [property: Id(1)] string Offerer,
    [property: Id(2)] string? RfaId,
    [property: Id(3)] string? LineId,
    [property: Id(4)] string CategoryCode,
    [property: Id(5)] int Offered,
    [property: Id(6)] int Accepted,
    [property: Id(7)] OfferState State,
    [property: Id(8)] DateTimeOffset OfferedAt,
    [property: Id(9)] DateTimeOffset? DecidedAt);
