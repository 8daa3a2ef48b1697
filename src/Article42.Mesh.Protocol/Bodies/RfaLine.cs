namespace Article42.Mesh.Protocol;

/// <summary>One line of a request for assistance: a capability, how much of it, where and by when (docs/design/domain.md §7).</summary>
[GenerateSerializer, Immutable, Alias("a42.body.rfa-line")]
public sealed record RfaLine
{
    /// <summary>Wire field <c>line_id</c>.</summary>
    [Id(0)] public string? LineId { get; init; }
    /// <summary>Wire field <c>category_code</c>.</summary>
    [Id(1)] public string? CategoryCode { get; init; }
    /// <summary>Wire field <c>description</c>.</summary>
    [Id(2)] public string? Description { get; init; }
    /// <summary>Wire field <c>quantity</c>.</summary>
    [Id(3)] public int? Quantity { get; init; }
    /// <summary>Wire field <c>unit</c>.</summary>
    [Id(4)] public string? Unit { get; init; }
    /// <summary>E.g. a UCPM module type, a WHO EMT type, a NATO capability code.</summary>
    [Id(5)] public string? CapabilityStandard { get; init; }
    /// <summary>Wire field <c>destination</c>.</summary>
    [Id(6)] public string? Destination { get; init; }
    /// <summary>No later than.</summary>
    [Id(7)] public DateTimeOffset? RequiredBy { get; init; }
    /// <summary>Wire field <c>duration_days</c>.</summary>
    [Id(8)] public int? DurationDays { get; init; }
    /// <summary>1 (highest) to 3.</summary>
    [Id(9)] public int? Priority { get; init; }
    /// <summary>Wire field <c>acceptable_caveats</c>.</summary>
    [Id(10)] public ImmutableArray<string> AcceptableCaveats { get => field.IsDefault ? [] : field; init; } = [];
    /// <summary>Wire field <c>hns_offered</c>.</summary>
    [Id(11)] public bool HnsOffered { get; init; }

    internal void Validate(ValidationContext context, string path)
    {
        context.RequireToken(LineId, $"{path}.line_id");
        context.CategoryCode(CategoryCode, $"{path}.category_code");
        context.RequireText(Description, $"{path}.description");
        context.RequireInRange(Quantity, 1, BodyChecks.MaxQuantity, $"{path}.quantity");
        context.RequireToken(Unit, $"{path}.unit");
        context.OptionalText(CapabilityStandard, $"{path}.capability_standard");
        context.OptionalText(Destination, $"{path}.destination");
        context.InRange(DurationDays, 1, 3650, $"{path}.duration_days");
        context.InRange(Priority, 1, 3, $"{path}.priority");
        context.Texts(AcceptableCaveats, $"{path}.acceptable_caveats", Limits.ShortText);
    }

    /// <summary>The lines of an RFA or an amendment: at least one, each valid, line ids unique.</summary>
    internal static void ValidateAll(ValidationContext context, ImmutableArray<RfaLine> lines, string path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        context.RequireItems(lines, path, (line, itemPath) =>
        {
            context.RequirePresent(line, itemPath)?.Validate(context, itemPath);
            if (line?.LineId is { } id && !string.IsNullOrWhiteSpace(id) && !seen.Add(id))
                context.Inconsistent($"{itemPath}.line_id", $"line_id '{ValidationContext.Truncate(id)}' repeats an earlier line");
        }, BodyChecks.MaxRfaLines);
    }
}
