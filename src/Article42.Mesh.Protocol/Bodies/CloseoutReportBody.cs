namespace Article42.Mesh.Protocol;

/// <summary>CLOSEOUT_REPORT: totals, timelines and lessons of a closed activation; feeds the after-action review.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.closeout-report")]
public sealed record CloseoutReportBody : MessageBody
{
    /// <summary>Wire field <c>summary</c>.</summary>
    [Id(0)] public string? Summary { get; init; }
    /// <summary>Wire field <c>lessons</c>.</summary>
    [Id(1)] public ImmutableArray<string> Lessons { get => field.IsDefault ? [] : field; init; } = [];
    /// <summary>Wire field <c>offers_committed</c>.</summary>
    [Id(2)] public int? OffersCommitted { get; init; }
    /// <summary>Wire field <c>rfa_lines_covered</c>.</summary>
    [Id(3)] public int? RfaLinesCovered { get; init; }

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path)
    {
        context.RequireText(Summary, $"{path}.summary", Limits.LongText);
        context.Texts(Lessons, $"{path}.lessons", Limits.LongText);
        context.InRange(OffersCommitted, 0, BodyChecks.MaxCount, $"{path}.offers_committed");
        context.InRange(RfaLinesCovered, 0, BodyChecks.MaxCount, $"{path}.rfa_lines_covered");
    }
}
