namespace Article42.Mesh.Protocol;

/// <summary>RFI_RESPONSE: the answer to an RFI (the RFI is the envelope's <c>in_reply_to</c>).</summary>
[GenerateSerializer, Immutable, Alias("a42.body.rfi-response")]
public sealed record RfiResponseBody : MessageBody
{
    /// <summary>Wire field <c>answer</c>.</summary>
    [Id(0)] public string? Answer { get; init; }
    /// <summary>Wire field <c>confidence</c>.</summary>
    [Id(1)] public Confidence? Confidence { get; init; }

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path)
    {
        context.RequireText(Answer, $"{path}.answer", Limits.LongText);
        context.Defined(Confidence, $"{path}.confidence");
    }
}
