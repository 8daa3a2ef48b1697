namespace Article42.Mesh.Protocol;

/// <summary>The registry's rules for a participant's former keys: each a valid key under its own id, no key twice.</summary>
internal static class FormerKeyChecks
{
    public static void Check(Participant participant, string at)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (participant.PublicKey is { } current && ParticipantKeys.IsValidPublicKey(current))
            seen.Add(KeyId.Of(current));
        for (var k = 0; k < participant.FormerKeys.Length; k++)
        {
            var key = participant.FormerKeys[k];
            var keyAt = $"{at}.former_keys[{k}]";
            if (!ParticipantKeys.IsValidPublicKey(key.PublicKey))
                throw new RegistryException($"{keyAt}.public_key: not a base64 ECDSA P-256 public key (SubjectPublicKeyInfo)");
            var id = KeyId.Of(key.PublicKey);
            if (key.Id != id)
                throw new RegistryException($"{keyAt}.id: '{ValidationContext.Truncate(key.Id)}' is not the id of its public key ('{id}')");
            if (!seen.Add(id))
                throw new RegistryException($"{keyAt}.id: key '{id}' appears twice for '{participant.Id}'");
        }
    }
}
