namespace Article42.Mesh.Protocol;

/// <summary>INVOCATION: a member state invokes Art. 42(7) TEU and/or Art. 222 TFEU and states what happened.</summary>
[GenerateSerializer, Immutable, Alias("a42.body.invocation")]
public sealed record InvocationBody : MessageBody
{
    /// <summary>Wire field <c>legal_basis</c>.</summary>
    [Id(0)] public LegalBasis? LegalBasis { get; init; }
    /// <summary>Wire field <c>incident_type</c>.</summary>
    [Id(1)] public IncidentType? IncidentType { get; init; }
    /// <summary>Wire field <c>incident_start</c>.</summary>
    [Id(2)] public DateTimeOffset? IncidentStart { get; init; }
    /// <summary>NUTS or geographic terms, including territorial sea, airspace and EEZ infrastructure.</summary>
    [Id(3)] public string? AffectedTerritory { get; init; }
    /// <summary>Wire field <c>summary</c>.</summary>
    [Id(4)] public string? Summary { get; init; }
    /// <summary>Wire field <c>attribution_status</c>.</summary>
    [Id(5)] public AttributionStatus? AttributionStatus { get; init; }
    /// <summary>Wire field <c>attribution_actor</c>.</summary>
    [Id(6)] public string? AttributionActor { get; init; }
    /// <summary>Whether the UN Security Council has been notified under Art. 51 of the UN Charter.</summary>
    [Id(7)] public bool UnArt51Notified { get; init; }
    /// <summary>Wire field <c>nato_track</c>.</summary>
    [Id(8)] public NatoTrack? NatoTrack { get; init; }
    /// <summary>Whether the invoker asks for the Council's crisis response arrangements (IPCR).</summary>
    [Id(9)] public bool IpcrRequested { get; init; }
    /// <summary>Resource category codes (docs/design/domain.md §7) needed first.</summary>
    [Id(10)] public ImmutableArray<string> InitialNeeds { get => field.IsDefault ? [] : field; init; } = [];
    /// <summary>Wire field <c>national_poc</c>.</summary>
    [Id(11)] public string? NationalPoc { get; init; }
    /// <summary>Wire field <c>next_sitrep_due</c>.</summary>
    [Id(12)] public DateTimeOffset? NextSitrepDue { get; init; }

    /// <inheritdoc/>
    public override void Validate(ValidationContext context, string path)
    {
        context.RequireEnum(LegalBasis, $"{path}.legal_basis");
        context.RequireEnum(IncidentType, $"{path}.incident_type");
        context.Require(IncidentStart, $"{path}.incident_start");
        context.RequireText(AffectedTerritory, $"{path}.affected_territory");
        context.RequireText(Summary, $"{path}.summary", Limits.LongText);
        context.Defined(AttributionStatus, $"{path}.attribution_status");
        context.OptionalText(AttributionActor, $"{path}.attribution_actor");
        context.Defined(NatoTrack, $"{path}.nato_track");
        context.CategoryCodes(InitialNeeds, $"{path}.initial_needs");
        context.OptionalText(NationalPoc, $"{path}.national_poc");
    }
}
