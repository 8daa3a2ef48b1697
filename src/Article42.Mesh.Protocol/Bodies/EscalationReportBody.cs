namespace Article42.Mesh.Protocol;

/// <summary>ESCALATION_REPORT: a requested acknowledgement is still missing at 50% or 100% of its receipt SLO; produced by the mesh only.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.escalation-report")]
public sealed record EscalationReportBody : MessageBody
{
    /// <summary>Wire field <c>subject_msg_id</c>.</summary>
    [Id(0)] public string? SubjectMsgId { get; init; }
    /// <summary>Wire field <c>recipient</c>.</summary>
    [Id(1)] public string? Recipient { get; init; }
    /// <summary>50 or 100: the share of the SLO that has passed.</summary>
    [Id(2)] public int? ThresholdPercent { get; init; }
    /// <summary>Wire field <c>receipt_slo_seconds</c>.</summary>
    [Id(3)] public int? ReceiptSloSeconds { get; init; }
    /// <summary>Wire field <c>missing</c>.</summary>
    [Id(4)] public AckType? Missing { get; init; }

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path)
    {
        context.RequireMessageReference(SubjectMsgId, $"{path}.subject_msg_id");
        context.RequireParticipant(Recipient, $"{path}.recipient");
        context.Require(ThresholdPercent, $"{path}.threshold_percent");
        if (ThresholdPercent is not (null or 50 or 100))
            context.Inconsistent($"{path}.threshold_percent", $"threshold_percent is {ThresholdPercent}; escalation happens at 50 and 100");
        context.RequireInRange(ReceiptSloSeconds, 1, 86_400, $"{path}.receipt_slo_seconds");
        context.RequireEnum(Missing, $"{path}.missing");
    }
}
