namespace Article42.Mesh.Protocol;

/// <summary>
/// A participant's public key as the registry publishes it to gateways (issue #21): the participant, the key's id (<see cref="KeyId"/>),
/// the key (base64 SubjectPublicKeyInfo) and whether the registry marks it revoked. What a gateway verifies received
/// messages against.
/// </summary>
[GenerateSerializer, Immutable, Alias("a42.published-key")]
public sealed record PublishedKey(
    [property: Id(0)] string Participant,
    [property: Id(1)] string KeyId,
    [property: Id(2)] string PublicKey,
    [property: Id(3)] bool Revoked);
