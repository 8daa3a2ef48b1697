namespace Article42.Mesh.Protocol;

/// <summary>RFA: the invoker's request for assistance, one line per capability needed.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.rfa")]
public sealed record RfaBody : MessageBody
{
    /// <summary>Wire field <c>rfa_id</c>.</summary>
    [Id(0)] public string? RfaId { get; init; }
    /// <summary>Wire field <c>lines</c>.</summary>
    [Id(1)] public ImmutableArray<RfaLine> Lines { get => field.IsDefault ? [] : field; init; } = [];
    /// <summary>Wire field <c>offer_deadline</c>.</summary>
    [Id(2)] public DateTimeOffset? OfferDeadline { get; init; }
    /// <summary>Wire field <c>poc</c>.</summary>
    [Id(3)] public string? Poc { get; init; }
    /// <summary>Wire field <c>coordination_via</c>.</summary>
    [Id(4)] public CoordinationChannel? CoordinationVia { get; init; }

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path)
    {
        context.RequireToken(RfaId, $"{path}.rfa_id");
        RfaLine.ValidateAll(context, Lines, $"{path}.lines");
        context.OptionalText(Poc, $"{path}.poc");
        context.Defined(CoordinationVia, $"{path}.coordination_via");
    }
}
