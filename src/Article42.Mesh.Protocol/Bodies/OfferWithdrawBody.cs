namespace Article42.Mesh.Protocol;

/// <summary>OFFER_WITHDRAW: the offerer takes an offer back; after commitment the reason reopens the RFA line.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.offer-withdraw")]
public sealed record OfferWithdrawBody : MessageBody
{
    /// <summary>Wire field <c>offer_id</c>.</summary>
    [Id(0)] public string? OfferId { get; init; }
    /// <summary>Wire field <c>reason</c>.</summary>
    [Id(1)] public string? Reason { get; init; }

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path)
    {
        context.RequireToken(OfferId, $"{path}.offer_id");
        context.RequireText(Reason, $"{path}.reason", Limits.LongText);
    }
}
