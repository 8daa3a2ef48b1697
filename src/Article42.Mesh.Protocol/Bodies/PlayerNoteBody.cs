namespace Article42.Mesh.Protocol;

/// <summary>PLAYER_NOTE: a player's entry in the decision log of a table-top exercise.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.player-note")]
public sealed record PlayerNoteBody : MessageBody
{
    /// <summary>Wire field <c>text</c>.</summary>
    [Id(0)] public string? Text { get; init; }
    /// <summary>Wire field <c>decision</c>.</summary>
    [Id(1)] public string? Decision { get; init; }

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path)
    {
        context.RequireText(Text, $"{path}.text", Limits.LongText);
        context.OptionalText(Decision, $"{path}.decision", Limits.LongText);
    }
}
