namespace Article42.Mesh.Protocol;

/// <summary>NON_RECEIPT (NRN): the message named by <c>in_reply_to</c> was discarded or expired unread.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.non-receipt")]
public sealed record NonReceiptBody : MessageBody
{
    /// <summary>Wire field <c>reason</c>.</summary>
    [Id(0)] public NonReceiptReason? Reason { get; init; }
    /// <summary>Wire field <c>detail</c>.</summary>
    [Id(1)] public string? Detail { get; init; }

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path)
    {
        context.RequireEnum(Reason, $"{path}.reason");
        context.OptionalText(Detail, $"{path}.detail");
    }
}
