namespace Article42.Mesh.Protocol;

/// <summary>OBSERVATION: an evaluator rates an exercise objective, linked to the messages that show it.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.observation")]
public sealed record ObservationBody : MessageBody
{
    /// <summary>Wire field <c>objective_id</c>.</summary>
    [Id(0)] public string? ObjectiveId { get; init; }
    /// <summary>Wire field <c>msg_refs</c>.</summary>
    [Id(1)] public ImmutableArray<string> MsgRefs { get => field.IsDefault ? [] : field; init; } = [];
    /// <summary>Wire field <c>rating</c>.</summary>
    [Id(2)] public HseepRating? Rating { get; init; }
    /// <summary>Wire field <c>finding</c>.</summary>
    [Id(3)] public ObservationFinding? Finding { get; init; }
    /// <summary>Wire field <c>text</c>.</summary>
    [Id(4)] public string? Text { get; init; }

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path)
    {
        context.RequireToken(ObjectiveId, $"{path}.objective_id");
        context.Items(MsgRefs, $"{path}.msg_refs", context.RequireMessageReference);
        context.RequireEnum(Rating, $"{path}.rating");
        context.RequireEnum(Finding, $"{path}.finding");
        context.RequireText(Text, $"{path}.text", Limits.LongText);
    }
}
