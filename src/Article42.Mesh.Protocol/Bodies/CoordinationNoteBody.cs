namespace Article42.Mesh.Protocol;

/// <summary>COORDINATION_NOTE: an EU body's de-confliction note, meeting call, IPCR roundtable notice or ISAA report reference.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.coordination-note")]
public sealed record CoordinationNoteBody : MessageBody
{
    /// <summary>Wire field <c>subject</c>.</summary>
    [Id(0)] public string? Subject { get; init; }
    /// <summary>Wire field <c>text</c>.</summary>
    [Id(1)] public string? Text { get; init; }
    /// <summary>Wire field <c>meeting_at</c>.</summary>
    [Id(2)] public DateTimeOffset? MeetingAt { get; init; }
    /// <summary>Wire field <c>reference</c>.</summary>
    [Id(3)] public string? Reference { get; init; }

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path)
    {
        context.RequireText(Subject, $"{path}.subject");
        context.RequireText(Text, $"{path}.text", Limits.LongText);
        context.OptionalText(Reference, $"{path}.reference", Limits.ShortText);
    }
}
