namespace Article42.Mesh.Protocol;

/// <summary>RFA: the invoker's request for assistance, one line per capability needed.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.rfa")]
public sealed record RfaBody : MessageBody
{
    [Id(0)] public string? RfaId { get; init; }
    [Id(1)] public ImmutableArray<RfaLine> Lines { get => field.IsDefault ? [] : field; init; } = [];
    [Id(2)] public DateTimeOffset? OfferDeadline { get; init; }
    [Id(3)] public string? Poc { get; init; }
    [Id(4)] public CoordinationChannel? CoordinationVia { get; init; }

    public override void Validate(ValidationContext context, string path)
    {
        context.RequireToken(RfaId, $"{path}.rfa_id");
        RfaLine.ValidateAll(context, Lines, $"{path}.lines");
        context.OptionalText(Poc, $"{path}.poc");
        context.Defined(CoordinationVia, $"{path}.coordination_via");
    }
}
