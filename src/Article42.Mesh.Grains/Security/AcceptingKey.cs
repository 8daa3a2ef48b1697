namespace Article42.Mesh.Grains;

/// <summary>
/// The id of the key a participant's submissions are accepted under (issue #21): its current registry key, the one
/// <see cref="EnvelopeSignatures.Verify(SignedDocument, ParticipantRegistry)"/> checks them against. Under <see cref="SignatureCheck.SessionOnly"/> nothing
/// is verified at submit, and the id is still that of the participant's current key, the one its session proved.
/// Remembers the last key it hashed, so a message costs a reference comparison, not a SHA-256.
/// </summary>
internal sealed class AcceptingKey(string participant, IRegistryHolder registries)
{
    private (string PublicKey, string Id)? _last;

    /// <summary>The key id, or null for a participant the registry holds no key for.</summary>
    public string? Id()
    {
        if (registries.Current.Find(participant)?.PublicKey is not { } publicKey)
            return null;
        if (_last is not { } last || !ReferenceEquals(last.PublicKey, publicKey) && last.PublicKey != publicKey)
            _last = last = (publicKey, KeyId.Of(publicKey));
        return last.Id;
    }
}
