namespace Article42.Mesh.Protocol;

/// <summary>A hub's suggestion to cover (part of) an RFA line with an offer; advisory only.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.allocation")]
public sealed record Allocation
{
    /// <summary>Wire field <c>rfa_id</c>.</summary>
    [Id(0)] public string? RfaId { get; init; }
    /// <summary>Wire field <c>line_id</c>.</summary>
    [Id(1)] public string? LineId { get; init; }
    /// <summary>Wire field <c>offer_id</c>.</summary>
    [Id(2)] public string? OfferId { get; init; }
    /// <summary>Wire field <c>quantity</c>.</summary>
    [Id(3)] public int? Quantity { get; init; }

    internal void Validate(ValidationContext context, string path)
    {
        context.RequireToken(RfaId, $"{path}.rfa_id");
        context.RequireToken(LineId, $"{path}.line_id");
        context.RequireToken(OfferId, $"{path}.offer_id");
        context.RequireInRange(Quantity, 1, BodyChecks.MaxQuantity, $"{path}.quantity");
    }
}
