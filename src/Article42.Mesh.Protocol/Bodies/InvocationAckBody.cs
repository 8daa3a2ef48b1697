namespace Article42.Mesh.Protocol;

/// <summary>INVOCATION_ACK: a member state or EU body confirms that its authorities have taken note of an invocation.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.invocation-ack")]
public sealed record InvocationAckBody : MessageBody
{
    [Id(0)] public DateTimeOffset? ReceiptTime { get; init; }
    [Id(1)] public string? AcknowledgingAuthority { get; init; }
    [Id(2)] public string? NationalPoc { get; init; }

    public override void Validate(ValidationContext context, string path)
    {
        context.Require(ReceiptTime, $"{path}.receipt_time");
        context.RequireText(AcknowledgingAuthority, $"{path}.acknowledging_authority");
        context.OptionalText(NationalPoc, $"{path}.national_poc");
    }
}
