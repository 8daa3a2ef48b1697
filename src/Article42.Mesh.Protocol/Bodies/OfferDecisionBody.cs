namespace Article42.Mesh.Protocol;

/// <summary>OFFER_DECISION: the invoker accepts, partly accepts, declines, counters or holds an offer.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.offer-decision")]
public sealed record OfferDecisionBody : MessageBody
{
    /// <summary>Wire field <c>offer_id</c>.</summary>
    [Id(0)] public string? OfferId { get; init; }
    /// <summary>Wire field <c>decision</c>.</summary>
    [Id(1)] public OfferDecisionKind? Decision { get; init; }
    /// <summary>Required for PARTIAL; meaningless (and refused) for DECLINE and HOLD.</summary>
    [Id(2)] public int? AcceptedQuantity { get; init; }
    /// <summary>Wire field <c>reason</c>.</summary>
    [Id(3)] public string? Reason { get; init; }
    /// <summary>Arrival point, point of contact, reporting chain.</summary>
    [Id(4)] public string? ReportingInstructions { get; init; }

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path)
    {
        context.RequireToken(OfferId, $"{path}.offer_id");
        context.RequireEnum(Decision, $"{path}.decision");
        context.InRange(AcceptedQuantity, 1, BodyChecks.MaxQuantity, $"{path}.accepted_quantity");
        if (Decision == OfferDecisionKind.Partial && AcceptedQuantity is null)
            context.Inconsistent($"{path}.accepted_quantity", "a PARTIAL decision states the accepted_quantity");
        if (Decision is OfferDecisionKind.Decline or OfferDecisionKind.Hold && AcceptedQuantity is not null)
            context.Inconsistent($"{path}.accepted_quantity", $"a {Decision.Value.ToString().ToUpperInvariant()} decision accepts no quantity");
        context.OptionalText(Reason, $"{path}.reason", Limits.LongText);
        context.OptionalText(ReportingInstructions, $"{path}.reporting_instructions", Limits.LongText);
    }
}
