namespace Article42.Mesh.Protocol;

/// <summary>RFI: a request for information from any participant to any other.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.rfi")]
public sealed record RfiBody : MessageBody
{
    /// <summary>Wire field <c>question</c>.</summary>
    [Id(0)] public string? Question { get; init; }
    /// <summary>Wire field <c>needed_by</c>.</summary>
    [Id(1)] public DateTimeOffset? NeededBy { get; init; }

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path) =>
        context.RequireText(Question, $"{path}.question", Limits.LongText);
}
