namespace Article42.Mesh.Grains;

/// <summary>
/// The id of the key a participant's submission is accepted under (issue #21): its key in the registry the submission
/// was checked against, the one <see cref="EnvelopeSignatures.Verify(SignedDocument, ParticipantRegistry)"/> verified it
/// with. That registry, not the one applied when the acceptance is written: a rotation applied in between would record
/// a key that never signed the message, and its recipients would reject it. Under <see cref="SignatureCheck.SessionOnly"/>
/// nothing is verified at submit, and the id is still that of the participant's current key, the one its session proved.
/// Remembers the last key it hashed, so a message costs a reference comparison, not a SHA-256.
/// </summary>
internal sealed class AcceptingKey(string participant)
{
    private (string PublicKey, string Id)? _last;

    /// <summary>The key id in <paramref name="registry"/>, or null for a participant it holds no key for.</summary>
    public string? Id(ParticipantRegistry registry)
    {
        if (registry.Find(participant)?.PublicKey is not { } publicKey)
            return null;
        if (_last is not { } last || !ReferenceEquals(last.PublicKey, publicKey) && last.PublicKey != publicKey)
            _last = last = (publicKey, KeyId.Of(publicKey));
        return last.Id;
    }
}
