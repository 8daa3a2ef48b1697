using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Keys;

/// <summary>
/// The changes of <c>a42 keys rotate/revoke/ceiling</c>, each checked against the registry it applies to: an unknown
/// participant (A42-KEYS-004), an unknown key (A42-KEYS-005) or a change that changes nothing (A42-KEYS-006) is refused
/// before anything is written.
/// </summary>
public static class RegistryChanges
{
    /// <summary>A new key pair for <paramref name="participant"/>; its current key stays, verify-only.</summary>
    public static RegistryChange Rotate(ParticipantRegistry registry, TrustStore store, string participant)
    {
        var entry = Find(registry, participant);
        var key = ParticipantKeys.Generate();
        var files = new RotatedKeyFiles(store, participant, key);
        var newId = KeyId.Of(ParticipantKeys.PublicKeyOf(key));
        var oldId = entry.PublicKey is { } old ? KeyId.Of(old) : null;
        return new RegistryChange("rotate", participant, RegistryUpdates.Rotate(registry, participant, ParticipantKeys.PublicKeyOf(key), DateTimeOffset.UtcNow),
            $"{participant} has the new key {newId}{(oldId is null ? "" : $"; {oldId} is verify-only")}; hand {files.PrivateKey} to {participant}'s gateway over a trusted channel")
        {
            Files = files,
            Facts = [("key_id", newId), ("verify_only", oldId), ("private_key", files.PrivateKey)],
        };
    }

    /// <summary>Revokes <paramref name="keyId"/> of <paramref name="participant"/>, or every key it holds that is not revoked yet.</summary>
    public static RegistryChange Revoke(ParticipantRegistry registry, string participant, string? keyId)
    {
        var entry = Find(registry, participant);
        var keys = (entry.PublicKey is { } current ? [(Id: KeyId.Of(current), Revoked: false)] : Array.Empty<(string Id, bool Revoked)>())
            .Concat(entry.FormerKeys.Select(k => (k.Id, Revoked: k.State == KeyState.Revoked)))
            .ToList();
        if (keyId is not null && !keys.Exists(k => k.Id == keyId))
            throw new CliException(CliErrorCodes.UnknownKey, "--key", $"{participant} holds no key '{ValidationContext.Truncate(keyId)}' (its keys: {string.Join(", ", keys.Select(k => k.Id).DefaultIfEmpty("none"))})");
        var revoked = keys.Where(k => !k.Revoked && (keyId is null || k.Id == keyId)).Select(k => k.Id).ToList();
        if (revoked.Count == 0)
            throw new CliException(CliErrorCodes.NothingToChange, keyId ?? participant, keyId is null ? $"every key of {participant} is revoked already" : $"{participant}'s key {keyId} is revoked already");
        return new RegistryChange("revoke", participant, RegistryUpdates.Revoke(registry, participant, keyId, DateTimeOffset.UtcNow),
            $"revoked {participant}'s {(revoked.Count == 1 ? "key" : "keys")} {string.Join(", ", revoked)}: every silo refuses sessions and submissions under {(revoked.Count == 1 ? "it" : "them")} (A42-SEC-005)")
        {
            Facts = [("revoked", revoked)],
        };
    }

    /// <summary>Sets the accreditation ceiling of <paramref name="participant"/>: the highest label the mesh delivers to it.</summary>
    public static RegistryChange Ceiling(ParticipantRegistry registry, string participant, Classification ceiling)
    {
        var entry = Find(registry, participant);
        var name = EnvelopeCodec.WireName(ceiling);
        if (entry.AccreditationMax == ceiling)
            throw new CliException(CliErrorCodes.NothingToChange, participant, $"{participant}'s accreditation ceiling is {name} already");
        var was = EnvelopeCodec.WireName(entry.AccreditationMax);
        return new RegistryChange("ceiling", participant, RegistryUpdates.Ceiling(registry, participant, ceiling, DateTimeOffset.UtcNow),
            $"{participant}'s accreditation ceiling is {name} (was {was})")
        {
            Facts = [("ceiling", name), ("was", was)],
        };
    }

    private static Participant Find(ParticipantRegistry registry, string participant) =>
        registry.Find(participant) ?? throw new CliException(CliErrorCodes.UnknownParticipant, participant,
            $"'{ValidationContext.Truncate(participant)}' is not a participant of the registry (version {registry.Version}; a42 participants lists them)");
}
