namespace Article42.Mesh.Protocol;

/// <summary>COMMITMENT: the offerer binds itself to deliver an accepted offer (cf. EMAC REQ-A).</summary>
[GenerateSerializer, Immutable, Alias("a42.body.commitment")]
public sealed record CommitmentBody : MessageBody
{
    /// <summary>Wire field <c>offer_id</c>.</summary>
    [Id(0)] public string? OfferId { get; init; }
    /// <summary>Reference of the government or parliamentary approval.</summary>
    [Id(1)] public string? ApprovalRef { get; init; }
    /// <summary>Notice to move, in hours.</summary>
    [Id(2)] public int? NtmHours { get; init; }
    /// <summary>Wire field <c>etd</c>.</summary>
    [Id(3)] public DateTimeOffset? Etd { get; init; }
    /// <summary>Wire field <c>eta</c>.</summary>
    [Id(4)] public DateTimeOffset? Eta { get; init; }
    /// <summary>Wire field <c>command_arrangement</c>.</summary>
    [Id(5)] public CommandArrangement? CommandArrangement { get; init; }

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path)
    {
        context.RequireToken(OfferId, $"{path}.offer_id");
        context.OptionalText(ApprovalRef, $"{path}.approval_ref", Limits.ShortText);
        context.InRange(NtmHours, 0, BodyChecks.MaxNoticeHours, $"{path}.ntm_hours");
        context.NotBefore(Eta, Etd, $"{path}.eta", "eta is before etd");
        context.Defined(CommandArrangement, $"{path}.command_arrangement");
    }
}
