namespace Article42.Mesh.Protocol;

/// <summary>ACTION_ACK: the recipient's answer to a tasking named by <c>in_reply_to</c> (WILCO, CANTCO, UNABLE, HAVE_RECEIVED).</summary>
[GenerateSerializer, Immutable, Alias("a42.body.action-ack")]
public sealed record ActionAckBody : MessageBody
{
    /// <summary>Wire field <c>response</c>.</summary>
    [Id(0)] public ActionResponse? Response { get; init; }
    /// <summary>Wire field <c>remarks</c>.</summary>
    [Id(1)] public string? Remarks { get; init; }

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path)
    {
        context.RequireEnum(Response, $"{path}.response");
        context.OptionalText(Remarks, $"{path}.remarks", Limits.LongText);
    }
}
