namespace Article42.Mesh.Protocol;

/// <summary>
/// The changes an operator makes to a registry (issue #21), each giving the next version: the caller signs it
/// (<see cref="RegistryDocuments.Sign"/>) and publishes it. Throws <see cref="RegistryException"/> naming the fault.
/// </summary>
public static class RegistryUpdates
{
    /// <summary>
    /// Revokes <paramref name="keyId"/> of <paramref name="participantId"/>, or every key it has when null. A revoked
    /// current key leaves the participant without one until it is given a new key.
    /// </summary>
    public static ParticipantRegistry Revoke(ParticipantRegistry registry, string participantId, string? keyId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var participant = registry.Find(participantId) ?? throw new RegistryException($"'{participantId}' is not a participant of the registry");
        var former = participant.FormerKeys.ToList();
        string? current = participant.PublicKey;
        if (current is not null && (keyId is null || KeyId.Of(current) == keyId))
        {
            former.Insert(0, new ParticipantKey { Id = KeyId.Of(current), PublicKey = current, State = KeyState.Revoked });
            current = null;
        }
        var found = keyId is null || participant.PublicKey is { } key && KeyId.Of(key) == keyId;
        for (var i = 0; i < former.Count; i++)
        {
            if (keyId is null || former[i].Id == keyId)
            {
                found = true;
                former[i] = former[i] with { State = KeyState.Revoked };
            }
        }
        if (!found)
            throw new RegistryException($"'{participantId}' holds no key '{keyId}'");
        return Replace(registry, participant with { PublicKey = current, FormerKeys = [.. former] }, now);
    }

    /// <summary>Gives <paramref name="participantId"/> the new current key <paramref name="publicKey"/>; the one it replaces stays, verify-only.</summary>
    public static ParticipantRegistry Rotate(ParticipantRegistry registry, string participantId, string publicKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var participant = registry.Find(participantId) ?? throw new RegistryException($"'{participantId}' is not a participant of the registry");
        ImmutableArray<ParticipantKey> former = participant.PublicKey is { } old
            ? [new ParticipantKey { Id = KeyId.Of(old), PublicKey = old, State = KeyState.VerifyOnly }, .. participant.FormerKeys]
            : participant.FormerKeys;
        return Replace(registry, participant with { PublicKey = publicKey, FormerKeys = former }, now);
    }

    /// <summary>Sets the accreditation ceiling of <paramref name="participantId"/>: the highest label the mesh delivers to it.</summary>
    public static ParticipantRegistry Ceiling(ParticipantRegistry registry, string participantId, Classification ceiling, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var participant = registry.Find(participantId) ?? throw new RegistryException($"'{participantId}' is not a participant of the registry");
        return Replace(registry, participant with { AccreditationMax = ceiling }, now);
    }

    private static ParticipantRegistry Replace(ParticipantRegistry registry, Participant changed, DateTimeOffset now) =>
        registry.Next(registry.Participants.Select(p => p.Id == changed.Id ? changed : p), now);
}
