namespace Article42.Mesh.Protocol;

/// <summary>A hub's suggestion to cover (part of) an RFA line with an offer; advisory only.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.allocation")]
public sealed record Allocation
{
    [Id(0)] public string? RfaId { get; init; }
    [Id(1)] public string? LineId { get; init; }
    [Id(2)] public string? OfferId { get; init; }
    [Id(3)] public int? Quantity { get; init; }

    internal void Validate(ValidationContext context, string path)
    {
        context.RequireToken(RfaId, $"{path}.rfa_id");
        context.RequireToken(LineId, $"{path}.line_id");
        context.RequireToken(OfferId, $"{path}.offer_id");
        context.RequireInRange(Quantity, 1, BodyChecks.MaxQuantity, $"{path}.quantity");
    }
}
