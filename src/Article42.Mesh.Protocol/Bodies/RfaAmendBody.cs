namespace Article42.Mesh.Protocol;

/// <summary>RFA_AMEND: changed or added lines of an RFA, sent to every participant at once (UCPM rule).</summary>
[GenerateSerializer, Immutable, Alias("a42.body.rfa-amend")]
public sealed record RfaAmendBody : MessageBody
{
    /// <summary>Wire field <c>rfa_id</c>.</summary>
    [Id(0)] public string? RfaId { get; init; }
    /// <summary>Each line replaces the line of the same id, or is added.</summary>
    [Id(1)] public ImmutableArray<RfaLine> Lines { get => field.IsDefault ? [] : field; init; } = [];
    /// <summary>Wire field <c>reason</c>.</summary>
    [Id(2)] public string? Reason { get; init; }

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path)
    {
        context.RequireToken(RfaId, $"{path}.rfa_id");
        RfaLine.ValidateAll(context, Lines, $"{path}.lines");
        context.RequireText(Reason, $"{path}.reason", Limits.LongText);
    }
}
