namespace Article42.Mesh.Protocol;

/// <summary>RECEIPT (RN): a human or authority has read and accepted the message named by <c>in_reply_to</c>.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.receipt")]
public sealed record ReceiptBody : MessageBody
{
    /// <summary>Wire field <c>received_at</c>.</summary>
    [Id(0)] public DateTimeOffset? ReceivedAt { get; init; }
    /// <summary>Wire field <c>authority</c>.</summary>
    [Id(1)] public string? Authority { get; init; }

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path)
    {
        context.Require(ReceivedAt, $"{path}.received_at");
        context.OptionalText(Authority, $"{path}.authority");
    }
}
