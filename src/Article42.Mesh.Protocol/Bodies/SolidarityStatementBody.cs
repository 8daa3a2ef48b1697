namespace Article42.Mesh.Protocol;

/// <summary>SOLIDARITY_STATEMENT: a participant's public position on an activation.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.solidarity-statement")]
public sealed record SolidarityStatementBody : MessageBody
{
    /// <summary>Wire field <c>position</c>.</summary>
    [Id(0)] public SolidarityPosition? Position { get; init; }
    /// <summary>Wire field <c>text</c>.</summary>
    [Id(1)] public string? Text { get; init; }
    /// <summary>Whether the statement invokes the specific character of the sender's security and defence policy (Art. 42(7), second sentence).</summary>
    [Id(2)] public bool NeutralityCaveat { get; init; }

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path)
    {
        context.RequireEnum(Position, $"{path}.position");
        context.RequireText(Text, $"{path}.text", Limits.LongText);
    }
}
