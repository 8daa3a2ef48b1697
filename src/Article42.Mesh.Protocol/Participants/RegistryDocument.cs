namespace Article42.Mesh.Protocol;

/// <summary>
/// The registry as a document (issue #21; docs/operations/security.md, "Key lifecycle"): its version, when the
/// operator issued it, every participant with its keys, and the operator's signature over the rest
/// (<see cref="RegistryDocuments"/>). A trust store's <c>registry.json</c> is one; a file without a version is an
/// unsigned registry of before issue #21, read as version 0.
/// </summary>
public sealed record RegistryDocument
{
    /// <summary>The document's version: each update the operator issues has a higher one; null (absent) reads as 0.</summary>
    public long? Version { get; init; }
    /// <summary>When the operator issued this version.</summary>
    public DateTimeOffset? IssuedAt { get; init; }
    /// <summary>Every participant, in registry order.</summary>
    [JsonRequired] public ImmutableArray<Participant> Participants { get => field.IsDefault ? [] : field; init; } = [];
    /// <summary>Base64 ECDSA P-256/SHA-256 signature (IEEE P1363) by the operator key over the canonical form of the rest; null when unsigned.</summary>
    public string? Signature { get; init; }
}
