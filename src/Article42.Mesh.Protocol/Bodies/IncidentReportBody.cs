namespace Article42.Mesh.Protocol;

/// <summary>INCIDENT_REPORT (INCREP-like): a new event, where, what it did and what it needs now.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.incident-report")]
public sealed record IncidentReportBody : MessageBody
{
    /// <summary>Wire field <c>event_time</c>.</summary>
    [Id(0)] public DateTimeOffset? EventTime { get; init; }
    /// <summary>Wire field <c>location</c>.</summary>
    [Id(1)] public string? Location { get; init; }
    /// <summary>Wire field <c>incident_type</c>.</summary>
    [Id(2)] public IncidentType? IncidentType { get; init; }
    /// <summary>Wire field <c>effects</c>.</summary>
    [Id(3)] public string? Effects { get; init; }
    /// <summary>Resource category codes (docs/design/domain.md §7) needed now.</summary>
    [Id(4)] public ImmutableArray<string> ImmediateNeeds { get => field.IsDefault ? [] : field; init; } = [];

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path)
    {
        context.Require(EventTime, $"{path}.event_time");
        context.RequireText(Location, $"{path}.location");
        context.RequireEnum(IncidentType, $"{path}.incident_type");
        context.RequireText(Effects, $"{path}.effects", Limits.LongText);
        context.CategoryCodes(ImmediateNeeds, $"{path}.immediate_needs");
    }
}
