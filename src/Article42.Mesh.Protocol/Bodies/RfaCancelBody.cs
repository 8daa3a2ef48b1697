namespace Article42.Mesh.Protocol;

/// <summary>RFA_CANCEL: withdraws lines of an RFA, or the whole RFA when no line is named.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.rfa-cancel")]
public sealed record RfaCancelBody : MessageBody
{
    /// <summary>Wire field <c>rfa_id</c>.</summary>
    [Id(0)] public string? RfaId { get; init; }
    /// <summary>Empty cancels the whole RFA.</summary>
    [Id(1)] public ImmutableArray<string> LineIds { get => field.IsDefault ? [] : field; init; } = [];
    /// <summary>Wire field <c>reason</c>.</summary>
    [Id(2)] public string? Reason { get; init; }

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path)
    {
        context.RequireToken(RfaId, $"{path}.rfa_id");
        context.Items(LineIds, $"{path}.line_ids", context.RequireToken);
        context.RequireText(Reason, $"{path}.reason", Limits.LongText);
    }
}
