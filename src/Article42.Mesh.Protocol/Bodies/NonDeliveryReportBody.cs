namespace Article42.Mesh.Protocol;

/// <summary>NON_DELIVERY_REPORT (NDR): the mesh could not deliver a message to a recipient, and why; produced by the mesh only.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.non-delivery-report")]
public sealed record NonDeliveryReportBody : MessageBody
{
    /// <summary>Wire field <c>subject_msg_id</c>.</summary>
    [Id(0)] public string? SubjectMsgId { get; init; }
    /// <summary>As addressed; it may be unknown to the registry (<see cref="NonDeliveryReason.UnknownRecipient"/>).</summary>
    [Id(1)] public string? Recipient { get; init; }
    /// <summary>Wire field <c>reason</c>.</summary>
    [Id(2)] public NonDeliveryReason? Reason { get; init; }
    /// <summary>Wire field <c>detail</c>.</summary>
    [Id(3)] public string? Detail { get; init; }

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path)
    {
        context.RequireMessageReference(SubjectMsgId, $"{path}.subject_msg_id");
        // Not checked against the registry: reporting an unknown recipient is one purpose of this report.
        context.RequireText(Recipient, $"{path}.recipient", Limits.ShortText);
        context.RequireEnum(Reason, $"{path}.reason");
        context.OptionalText(Detail, $"{path}.detail");
    }
}
