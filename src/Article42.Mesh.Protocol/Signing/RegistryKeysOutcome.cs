namespace Article42.Mesh.Protocol;

/// <summary>
/// The registry's public keys with their ids, in registry order, or why they were refused (a session error). Today they
/// come from the silo's <see cref="ParticipantRegistry"/>; the operator-signed registry document will travel beside
/// them for the gateway to check against the operator's public key (issue #21).
/// </summary>
[GenerateSerializer, Immutable, Alias("a42.registry-keys-outcome")]
public sealed record RegistryKeysOutcome(
    [property: Id(0)] ImmutableArray<PublishedKey> Keys,
    [property: Id(1)] MeshError? Error);
