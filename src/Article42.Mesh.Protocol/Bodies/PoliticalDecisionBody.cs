namespace Article42.Mesh.Protocol;

/// <summary>POLITICAL_DECISION: a decision of PRES, PSC or EUCO (conclusions, IPCR mode change).</summary>
[GenerateSerializer, Immutable, Alias("a42.body.political-decision")]
public sealed record PoliticalDecisionBody : MessageBody
{
    /// <summary>The participant id of the body that decided, e.g. <c>PSC</c>, <c>EUCO</c>, <c>PRES</c>.</summary>
    [Id(0)] public string? DecidingBody { get; init; }
    /// <summary>Wire field <c>decision_text</c>.</summary>
    [Id(1)] public string? DecisionText { get; init; }
    /// <summary>Wire field <c>reference</c>.</summary>
    [Id(2)] public string? Reference { get; init; }

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path)
    {
        context.RequireParticipant(DecidingBody, $"{path}.deciding_body");
        context.RequireText(DecisionText, $"{path}.decision_text", Limits.LongText);
        context.OptionalText(Reference, $"{path}.reference", Limits.ShortText);
    }
}
