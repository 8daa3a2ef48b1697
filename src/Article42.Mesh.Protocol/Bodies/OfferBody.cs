namespace Article42.Mesh.Protocol;

/// <summary>OFFER: an assisting participant offers a capability against an RFA line, or unsolicited.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.offer")]
public sealed record OfferBody : MessageBody
{
    /// <summary>Wire field <c>offer_id</c>.</summary>
    [Id(0)] public string? OfferId { get; init; }
    /// <summary>Wire field <c>rfa_id</c>.</summary>
    [Id(1)] public string? RfaId { get; init; }
    /// <summary>Wire field <c>line_id</c>.</summary>
    [Id(2)] public string? LineId { get; init; }
    /// <summary>True for an offer that answers no RFA line; then neither rfa_id nor line_id is given.</summary>
    [Id(3)] public bool Unsolicited { get; init; }
    /// <summary>Wire field <c>resource</c>.</summary>
    [Id(4)] public ResourceLine? Resource { get; init; }
    /// <summary>Wire field <c>caveats</c>.</summary>
    [Id(5)] public ImmutableArray<string> Caveats { get => field.IsDefault ? [] : field; init; } = [];
    /// <summary>Wire field <c>valid_until</c>.</summary>
    [Id(6)] public DateTimeOffset? ValidUntil { get; init; }
    /// <summary>Wire field <c>national_approval</c>.</summary>
    [Id(7)] public NationalApproval? NationalApproval { get; init; }

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path)
    {
        context.RequireToken(OfferId, $"{path}.offer_id");
        context.Token(RfaId, $"{path}.rfa_id");
        context.Token(LineId, $"{path}.line_id");
        if (Unsolicited && (RfaId is not null || LineId is not null))
            context.Inconsistent($"{path}.unsolicited", "an unsolicited offer names no rfa_id or line_id");
        if (!Unsolicited && RfaId is null)
            context.Inconsistent($"{path}.rfa_id", "an offer names the rfa_id and line_id it answers, or is unsolicited");
        if (!Unsolicited && LineId is null)
            context.Inconsistent($"{path}.line_id", "an offer names the rfa_id and line_id it answers, or is unsolicited");
        context.RequirePresent(Resource, $"{path}.resource")?.Validate(context, $"{path}.resource");
        context.Texts(Caveats, $"{path}.caveats", Limits.ShortText);
        context.Defined(NationalApproval, $"{path}.national_approval");
    }
}
