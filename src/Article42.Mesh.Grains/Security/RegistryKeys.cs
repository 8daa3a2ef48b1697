namespace Article42.Mesh.Grains;

/// <summary>
/// What <see cref="IParticipantGrain.RegistryKeysAsync"/> answers: every key of the registry with its id, flagged when
/// the registry marks it revoked. The seam the operator-signed registry document fills (issue #21): it will list the
/// keys of each participant, rotated ones included, where today's registry holds one per participant.
/// </summary>
internal static class RegistryKeys
{
    public static ImmutableArray<ParticipantKey> Of(ParticipantRegistry registry, IRevokedKeyIds revoked) =>
    [
        .. registry.Participants
            .Where(p => p.PublicKey is not null)
            .Select(p => (p.Id, Key: p.PublicKey!, KeyId: KeyId.Of(p.PublicKey!)))
            .Select(k => new ParticipantKey(k.Id, k.KeyId, k.Key, revoked.IsRevoked(k.KeyId))),
    ];
}
