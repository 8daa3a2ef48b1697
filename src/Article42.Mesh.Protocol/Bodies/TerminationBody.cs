namespace Article42.Mesh.Protocol;

/// <summary>TERMINATION: the invoker ends the activation; assets stand down.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.termination")]
public sealed record TerminationBody : MessageBody
{
    /// <summary>Wire field <c>effective_at</c>.</summary>
    [Id(0)] public DateTimeOffset? EffectiveAt { get; init; }
    /// <summary>Wire field <c>reason</c>.</summary>
    [Id(1)] public string? Reason { get; init; }
    /// <summary>Wire field <c>remaining_assets_plan</c>.</summary>
    [Id(2)] public string? RemainingAssetsPlan { get; init; }

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path)
    {
        context.Require(EffectiveAt, $"{path}.effective_at");
        context.RequireText(Reason, $"{path}.reason", Limits.LongText);
        context.OptionalText(RemainingAssetsPlan, $"{path}.remaining_assets_plan", Limits.LongText);
    }
}
