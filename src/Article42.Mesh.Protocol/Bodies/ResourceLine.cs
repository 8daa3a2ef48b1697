namespace Article42.Mesh.Protocol;

/// <summary>The capability an offer puts forward, with the resource attributes of docs/design/domain.md §7.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.resource-line")]
public sealed record ResourceLine
{
    /// <summary>Wire field <c>category_code</c>.</summary>
    [Id(0)] public string? CategoryCode { get; init; }
    /// <summary>Wire field <c>description</c>.</summary>
    [Id(1)] public string? Description { get; init; }
    /// <summary>Wire field <c>quantity</c>.</summary>
    [Id(2)] public int? Quantity { get; init; }
    /// <summary>Wire field <c>unit</c>.</summary>
    [Id(3)] public string? Unit { get; init; }
    /// <summary>Wire field <c>capability_standard</c>.</summary>
    [Id(4)] public string? CapabilityStandard { get; init; }
    /// <summary>Notice to move, in hours.</summary>
    [Id(5)] public int? ReadinessNtmHours { get; init; }
    /// <summary>Wire field <c>origin_location</c>.</summary>
    [Id(6)] public string? OriginLocation { get; init; }
    /// <summary>Wire field <c>command_arrangement</c>.</summary>
    [Id(7)] public CommandArrangement? CommandArrangement { get; init; }
    /// <summary>Wire field <c>cost_model</c>.</summary>
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
