namespace Article42.Mesh.Grains;

/// <summary>
/// What <see cref="IParticipantGrain.RegistryKeysAsync"/> answers: every key of the registry with its id, each
/// participant's current key and then its former ones (rotated: still checkable; revoked: flagged), so a gateway can
/// check a message accepted under a key rotated since.
/// </summary>
internal static class RegistryKeys
{
    public static ImmutableArray<PublishedKey> Of(ParticipantRegistry registry, IRevokedKeyIds revoked) =>
    [
        .. registry.Participants.SelectMany(p => KeysOf(p).Select(key => (p.Id, Key: key, KeyId: KeyId.Of(key))))
            .Select(k => new PublishedKey(k.Id, k.KeyId, k.Key, revoked.IsRevoked(k.KeyId))),
    ];

    private static IEnumerable<string> KeysOf(Participant participant) =>
        participant.PublicKey is { } current ? [current, .. participant.FormerKeys.Select(k => k.PublicKey)] : participant.FormerKeys.Select(k => k.PublicKey);
}
