namespace Article42.Mesh.Protocol;

/// <summary>RFI: a request for information from any participant to any other.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.rfi")]
public sealed record RfiBody : MessageBody
{
    [Id(0)] public string? Question { get; init; }
    [Id(1)] public DateTimeOffset? NeededBy { get; init; }

    public override void Validate(ValidationContext context, string path) =>
        context.RequireText(Question, $"{path}.question", Limits.LongText);
}
