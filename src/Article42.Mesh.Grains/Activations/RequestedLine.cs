namespace Article42.Mesh.Grains;

/// <summary>One RFA line in an activation's ledger; its state follows from the quantities.</summary>
internal sealed class RequestedLine(string rfaId, string lineId, string category, int requested)
{
    public string RfaId { get; } = rfaId;
    public string LineId { get; } = lineId;
    public string Category { get; set; } = category;
    public int Requested { get; set; } = requested;
    public int Accepted { get; set; }
    public int Committed { get; set; }
    public bool Cancelled { get; set; }

    /// <summary>Open or partially covered: offers against it are welcome.</summary>
    public bool TakesOffers => State is RfaLineState.Open or RfaLineState.PartiallyCovered;

    public RfaLineState State =>
        Cancelled ? RfaLineState.Cancelled
        : Accepted >= Requested ? RfaLineState.Covered
        : Accepted > 0 ? RfaLineState.PartiallyCovered
        : RfaLineState.Open;

    public RfaLineSummary Summary() => new(RfaId, LineId, Category, Requested, Accepted, Committed, State);
}
