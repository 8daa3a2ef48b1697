namespace Article42.Mesh.Protocol;

/// <summary>SITREP: a numbered situation report for a period, with what is still needed.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.sitrep")]
public sealed record SitrepBody : MessageBody
{
    /// <summary>Wire field <c>sitrep_no</c>.</summary>
    [Id(0)] public int? SitrepNo { get; init; }
    /// <summary>Wire field <c>period_from</c>.</summary>
    [Id(1)] public DateTimeOffset? PeriodFrom { get; init; }
    /// <summary>Wire field <c>period_to</c>.</summary>
    [Id(2)] public DateTimeOffset? PeriodTo { get; init; }
    /// <summary>Wire field <c>situation</c>.</summary>
    [Id(3)] public string? Situation { get; init; }
    /// <summary>Wire field <c>threat_assessment</c>.</summary>
    [Id(4)] public string? ThreatAssessment { get; init; }
    /// <summary>Wire field <c>casualties_damage</c>.</summary>
    [Id(5)] public string? CasualtiesDamage { get; init; }
    /// <summary>Wire field <c>actions_taken</c>.</summary>
    [Id(6)] public string? ActionsTaken { get; init; }
    /// <summary>Resource category codes (docs/design/domain.md §7) still needed.</summary>
    [Id(7)] public ImmutableArray<string> OutstandingNeeds { get => field.IsDefault ? [] : field; init; } = [];
    /// <summary>Host nation support: reception, basing, clearances.</summary>
    [Id(8)] public string? HnsStatus { get; init; }
    /// <summary>Wire field <c>outlook</c>.</summary>
    [Id(9)] public string? Outlook { get; init; }
    /// <summary>Wire field <c>next_due</c>.</summary>
    [Id(10)] public DateTimeOffset? NextDue { get; init; }

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path)
    {
        context.RequireInRange(SitrepNo, 1, 100_000, $"{path}.sitrep_no");
        context.Require(PeriodFrom, $"{path}.period_from");
        context.Require(PeriodTo, $"{path}.period_to");
        context.NotBefore(PeriodTo, PeriodFrom, $"{path}.period_to", "period_to is before period_from");
        context.RequireText(Situation, $"{path}.situation", Limits.LongText);
        context.OptionalText(ThreatAssessment, $"{path}.threat_assessment", Limits.LongText);
        context.OptionalText(CasualtiesDamage, $"{path}.casualties_damage", Limits.LongText);
        context.OptionalText(ActionsTaken, $"{path}.actions_taken", Limits.LongText);
        context.CategoryCodes(OutstandingNeeds, $"{path}.outstanding_needs");
        context.OptionalText(HnsStatus, $"{path}.hns_status", Limits.LongText);
        context.OptionalText(Outlook, $"{path}.outlook", Limits.LongText);
    }
}
