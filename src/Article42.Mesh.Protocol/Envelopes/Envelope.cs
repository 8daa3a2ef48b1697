namespace Article42.Mesh.Protocol;

/// <summary>
/// The common envelope of docs/design/domain.md §8.2. Everything but <see cref="Trace"/> and <see cref="Signature"/>
/// is covered by the originator's signature (see <see cref="EnvelopeCodec.CanonicalBytes"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("a42.envelope")]
public sealed record Envelope
{
    /// <summary>Globally unique ULID; the idempotency key of a submit.</summary>
    [Id(0), JsonRequired] public string MsgId { get; init; } = "";
    /// <summary>Wire field <c>kind</c>.</summary>
    [Id(1), JsonRequired] public MessageKind Kind { get; init; }
    /// <summary>Wire field <c>schema_version</c>.</summary>
    [Id(2), JsonRequired] public string SchemaVersion { get; init; } = SchemaVersions.Current;
    /// <summary>Wire field <c>activation_id</c>.</summary>
    [Id(3)] public string? ActivationId { get; init; }
    /// <summary>Required when <see cref="Mode"/> is exercise or drill.</summary>
    [Id(4)] public string? ExerciseId { get; init; }
    /// <summary>Wire field <c>mode</c>.</summary>
    [Id(5), JsonRequired] public MessageMode Mode { get; init; }
    /// <summary>Wire field <c>from</c>.</summary>
    [Id(6), JsonRequired] public string From { get; init; } = "";
    /// <summary>Wire field <c>released_by</c>.</summary>
    [Id(7)] public string? ReleasedBy { get; init; }
    /// <summary>Wire field <c>released_at</c>.</summary>
    [Id(8)] public DateTimeOffset? ReleasedAt { get; init; }
    /// <summary>Wire field <c>originator_ref</c>.</summary>
    [Id(9)] public string? OriginatorRef { get; init; }
    // Lists read as empty when JSON leaves them out: generated deserializers set a missing init property to
    // default, and a default ImmutableArray cannot even be enumerated. Every list of the protocol follows this pattern.
    /// <summary>Action addressees: participants or groups.</summary>
    [Id(10), JsonRequired] public ImmutableArray<string> ToAction { get => field.IsDefault ? [] : field; init; } = [];
    /// <summary>Information (copy) addressees: participants or groups.</summary>
    [Id(11)] public ImmutableArray<string> ToInfo { get => field.IsDefault ? [] : field; init; } = [];
    /// <summary>Wire field <c>precedence_action</c>.</summary>
    [Id(12), JsonRequired] public Precedence PrecedenceAction { get; init; }
    /// <summary>Precedence for info addressees; never above the action precedence. Null means the same.</summary>
    [Id(13)] public Precedence? PrecedenceInfo { get; init; }
    /// <summary>Wire field <c>created_at</c>.</summary>
    [Id(14), JsonRequired] public DateTimeOffset CreatedAt { get; init; }
    /// <summary>Wire field <c>reply_by</c>.</summary>
    [Id(15)] public DateTimeOffset? ReplyBy { get; init; }
    /// <summary>Latest delivery; past it a pending delivery is dead-lettered with an NDR.</summary>
    [Id(16)] public DateTimeOffset? ExpiresAt { get; init; }
    /// <summary>Requested acknowledgements; null takes the kind's defaults (<see cref="AckDefaults"/>).</summary>
    [Id(17)] public ImmutableArray<AckType>? AckRequest { get; init; }
    /// <summary>Wire field <c>in_reply_to</c>.</summary>
    [Id(18)] public string? InReplyTo { get; init; }
    /// <summary>Wire field <c>references</c>.</summary>
    [Id(19)] public ImmutableArray<string> References { get => field.IsDefault ? [] : field; init; } = [];
    /// <summary>Wire field <c>label</c>.</summary>
    [Id(20), JsonRequired] public SecurityLabel Label { get; init; } = SecurityLabel.Unclassified;
    /// <summary>Wire field <c>handling</c>.</summary>
    [Id(21)] public ImmutableArray<string> Handling { get => field.IsDefault ? [] : field; init; } = [];
    /// <summary>Wire field <c>topics</c>.</summary>
    [Id(22)] public ImmutableArray<string> Topics { get => field.IsDefault ? [] : field; init; } = [];
    /// <summary>Wire field <c>payload</c>.</summary>
    [Id(23), JsonRequired] public MessageBody? Payload { get; init; }
    /// <summary>Wire field <c>trace</c>.</summary>
    [Id(24)] public TraceContext? Trace { get; init; }
    /// <summary>Base64 ECDSA P-256/SHA-256 signature (IEEE P1363) over the canonical bytes.</summary>
    [Id(25)] public string? Signature { get; init; }

    /// <summary>The precedence info addressees get.</summary>
    [JsonIgnore]
    public Precedence EffectiveInfoPrecedence => PrecedenceInfo ?? PrecedenceAction;

    /// <summary>True for exercise and drill traffic, which must be marked as such end to end.</summary>
    [JsonIgnore]
    public bool IsTraining => Mode is MessageMode.Exercise or MessageMode.Drill;
}
