namespace Article42.Mesh.Protocol;

/// <summary>
/// One entry of the participant registry (docs/design/domain.md §6). A member state's id is its EU code (<c>EL</c> for
/// Greece) with the ISO code beside it; an EU body's id is its short name.
/// </summary>
[GenerateSerializer, Immutable, Alias("a42.participant")]
public sealed record Participant
{
    /// <summary>The participant id: a member state's EU code or an EU body's short name.</summary>
    [Id(0)] public string Id { get; init; } = "";
    /// <summary>ISO 3166-1 alpha-2 code of a member state; null for EU bodies.</summary>
    [Id(1)] public string? IsoCode { get; init; }
    /// <summary>The participant's name, for people.</summary>
    [Id(2)] public string Name { get; init; } = "";
    /// <summary>Member state, EU body or exercise control.</summary>
    [Id(3)] public ParticipantKind Kind { get; init; }
    /// <summary>True for member states that are also NATO allies.</summary>
    [Id(4)] public bool Nato { get; init; }
    /// <summary>Base64 SubjectPublicKeyInfo (DER) of the gateway's ECDSA P-256 key; null until keys are issued.</summary>
    [Id(5)] public string? PublicKey { get; init; }
    /// <summary>Highest classification the participant's systems are accredited for (its delivery ceiling).</summary>
    [Id(6)] public Classification AccreditationMax { get; init; }
    /// <summary>
    /// The keys the participant held before <see cref="PublicKey"/>, verify-only or revoked (issue #21); empty until a
    /// key is rotated or revoked. A participant whose every key is revoked has no <see cref="PublicKey"/>.
    /// </summary>
    [Id(7)] public ImmutableArray<ParticipantKey> FormerKeys { get => field.IsDefault ? [] : field; init; } = [];

    /// <summary>Equal when every field is, the former keys compared item by item (an array compares by reference).</summary>
    public bool Equals(Participant? other) =>
        other is not null && Id == other.Id && IsoCode == other.IsoCode && Name == other.Name && Kind == other.Kind
        && Nato == other.Nato && PublicKey == other.PublicKey && AccreditationMax == other.AccreditationMax
        && FormerKeys.SequenceEqual(other.FormerKeys);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, IsoCode, Name, Kind, Nato, PublicKey, AccreditationMax, FormerKeys.Length);
}
