namespace Article42.Mesh.Protocol;

/// <summary>The capability an offer puts forward, with the resource attributes of docs/design/domain.md §7.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.resource-line")]
public sealed record ResourceLine
{
    [Id(0)] public string? CategoryCode { get; init; }
    [Id(1)] public string? Description { get; init; }
    [Id(2)] public int? Quantity { get; init; }
    [Id(3)] public string? Unit { get; init; }
    [Id(4)] public string? CapabilityStandard { get; init; }
    /// <summary>Notice to move, in hours.</summary>
    [Id(5)] public int? ReadinessNtmHours { get; init; }
    [Id(6)] public string? OriginLocation { get; init; }
    [Id(7)] public CommandArrangement? CommandArrangement { get; init; }
    [Id(8)] public CostModel? CostModel { get; init; }

    internal void Validate(ValidationContext context, string path)
    {
        context.CategoryCode(CategoryCode, $"{path}.category_code");
        context.RequireText(Description, $"{path}.description");
        context.RequireInRange(Quantity, 1, BodyChecks.MaxQuantity, $"{path}.quantity");
        context.RequireToken(Unit, $"{path}.unit");
        context.OptionalText(CapabilityStandard, $"{path}.capability_standard");
        context.InRange(ReadinessNtmHours, 0, BodyChecks.MaxNoticeHours, $"{path}.readiness_ntm_hours");
        context.OptionalText(OriginLocation, $"{path}.origin_location");
        context.Defined(CommandArrangement, $"{path}.command_arrangement");
        context.Defined(CostModel, $"{path}.cost_model");
    }
}
