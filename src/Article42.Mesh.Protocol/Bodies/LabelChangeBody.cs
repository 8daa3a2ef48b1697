namespace Article42.Mesh.Protocol;

/// <summary>LABEL_CHANGE: the originator downgrades, declassifies or releases a message it sent.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.label-change")]
public sealed record LabelChangeBody : MessageBody
{
    /// <summary>Wire field <c>subject_msg_id</c>.</summary>
    [Id(0)] public string? SubjectMsgId { get; init; }
    /// <summary>Wire field <c>new_label</c>.</summary>
    [Id(1)] public SecurityLabel? NewLabel { get; init; }
    /// <summary>Wire field <c>reason</c>.</summary>
    [Id(2)] public string? Reason { get; init; }

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path)
    {
        context.RequireMessageReference(SubjectMsgId, $"{path}.subject_msg_id");
        context.Defined(context.RequirePresent(NewLabel, $"{path}.new_label")?.Level, $"{path}.new_label.level");
        context.RequireText(Reason, $"{path}.reason", Limits.LongText);
    }
}
