namespace Article42.Mesh.Protocol;

/// <summary>RFI_RESPONSE: the answer to an RFI (the RFI is the envelope's <c>in_reply_to</c>).</summary>
[GenerateSerializer, Immutable, Alias("a42.body.rfi-response")]
public sealed record RfiResponseBody : MessageBody
{
    [Id(0)] public string? Answer { get; init; }
    [Id(1)] public Confidence? Confidence { get; init; }

    public override void Validate(ValidationContext context, string path)
    {
        context.RequireText(Answer, $"{path}.answer", Limits.LongText);
        context.Defined(Confidence, $"{path}.confidence");
    }
}
