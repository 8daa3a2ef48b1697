namespace Article42.Mesh.Protocol;

/// <summary>INVOCATION_ACK: a member state or EU body confirms that its authorities have taken note of an invocation.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.invocation-ack")]
public sealed record InvocationAckBody : MessageBody
{
    /// <summary>Wire field <c>receipt_time</c>.</summary>
    [Id(0)] public DateTimeOffset? ReceiptTime { get; init; }
    /// <summary>Wire field <c>acknowledging_authority</c>.</summary>
    [Id(1)] public string? AcknowledgingAuthority { get; init; }
    /// <summary>Wire field <c>national_poc</c>.</summary>
    [Id(2)] public string? NationalPoc { get; init; }

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path)
    {
        context.Require(ReceiptTime, $"{path}.receipt_time");
        context.RequireText(AcknowledgingAuthority, $"{path}.acknowledging_authority");
        context.OptionalText(NationalPoc, $"{path}.national_poc");
    }
}
