namespace Article42.Mesh.Grains;

/// <summary>One offer in an activation's ledger.</summary>
internal sealed class LedgerOffer(string offerId, string offerer, string? rfaId, string? lineId, string category, int offered, bool toInvoker, DateTimeOffset offeredAt)
{
    public string OfferId { get; } = offerId;
    public string Offerer { get; } = offerer;
    public string? RfaId { get; } = rfaId;
    public string? LineId { get; } = lineId;
    public string Category { get; } = category;
    public int Offered { get; } = offered;
    /// <summary>Whether the offer was addressed to the invoking state, which alone may decide on it.</summary>
    public bool ToInvoker { get; } = toInvoker;
    public DateTimeOffset OfferedAt { get; } = offeredAt;
    public int Accepted { get; set; }
    public OfferState State { get; set; } = OfferState.Proposed;
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>Committed and not yet back home.</summary>
    public bool Deployed => State is OfferState.Committed or OfferState.Deploying or OfferState.Delivered;

    public OfferSummary Summary() => new(OfferId, Offerer, RfaId, LineId, Category, Offered, Accepted, State, OfferedAt, DecidedAt);
}
