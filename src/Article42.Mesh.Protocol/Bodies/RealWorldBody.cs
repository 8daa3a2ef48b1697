namespace Article42.Mesh.Protocol;

/// <summary>REAL_WORLD ("NO DUFF"): a real emergency during an exercise; it overrides exercise handling.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.real-world")]
public sealed record RealWorldBody : MessageBody
{
    /// <summary>Wire field <c>text</c>.</summary>
    [Id(0)] public string? Text { get; init; }

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path) =>
        context.RequireText(Text, $"{path}.text", Limits.LongText);
}
