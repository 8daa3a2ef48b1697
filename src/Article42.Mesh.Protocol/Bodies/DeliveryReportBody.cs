namespace Article42.Mesh.Protocol;

/// <summary>DELIVERY_REPORT (DR): the mesh confirms a message is durably in a recipient's inbox; produced by the mesh only.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.delivery-report")]
public sealed record DeliveryReportBody : MessageBody
{
    /// <summary>Wire field <c>subject_msg_id</c>.</summary>
    [Id(0)] public string? SubjectMsgId { get; init; }
    /// <summary>Wire field <c>recipient</c>.</summary>
    [Id(1)] public string? Recipient { get; init; }
    /// <summary>Wire field <c>delivered_at</c>.</summary>
    [Id(2)] public DateTimeOffset? DeliveredAt { get; init; }

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path)
    {
        context.RequireMessageReference(SubjectMsgId, $"{path}.subject_msg_id");
        context.RequireParticipant(Recipient, $"{path}.recipient");
        context.Require(DeliveredAt, $"{path}.delivered_at");
    }
}
