namespace Article42.Mesh.Protocol;

/// <summary>One capability a participant pre-declares in peacetime (the structured inventory of docs/design/domain.md §8.3 B).</summary>
[GenerateSerializer, Immutable, Alias("a42.body.inventory-item")]
public sealed record InventoryItem
{
    /// <summary>Wire field <c>category_code</c>.</summary>
    [Id(0)] public string? CategoryCode { get; init; }
    /// <summary>Wire field <c>description</c>.</summary>
    [Id(1)] public string? Description { get; init; }
    /// <summary>Wire field <c>quantity</c>.</summary>
    [Id(2)] public int? Quantity { get; init; }
    /// <summary>Wire field <c>unit</c>.</summary>
    [Id(3)] public string? Unit { get; init; }
    /// <summary>Notice to move, in hours.</summary>
    [Id(4)] public int? ReadinessNtmHours { get; init; }

    internal void Validate(ValidationContext context, string path)
    {
        context.CategoryCode(CategoryCode, $"{path}.category_code");
        context.OptionalText(Description, $"{path}.description");
        context.RequireInRange(Quantity, 1, BodyChecks.MaxQuantity, $"{path}.quantity");
        context.RequireToken(Unit, $"{path}.unit");
        context.InRange(ReadinessNtmHours, 0, BodyChecks.MaxNoticeHours, $"{path}.readiness_ntm_hours");
    }
}
