using System.Security.Cryptography;

namespace Article42.Mesh.Protocol.Tests;

/// <summary>
/// Issue #21: a signature that failed against the sender's current key is named when one of its former keys made it:
/// a submission under a key a rotation replaced is <c>A42-SIG-006</c> (the gateway signs again once it reloads), under
/// a revoked key <c>A42-SEC-005</c>; anything else stays the plain mismatch. A session proof is judged the same way.
/// </summary>
public sealed class FormerKeyRefusalsTests
{
    private static readonly ECDsa Replaced = TestData.KeyOf("FR");

    [Fact]
    public void A_submission_under_the_key_a_rotation_replaced_is_refused_as_signed_with_a_replaced_key_naming_it()
    {
        using var next = ParticipantKeys.Generate();
        var rotated = RegistryUpdates.Rotate(TestData.Registry, "FR", ParticipantKeys.PublicKeyOf(next), TestData.Now);
        var envelope = EnvelopeSignatures.Sign(TestData.Valid(MessageKind.Sitrep, "FR", "PRES"), Replaced);
        var document = SignedDocuments.Sign(TestData.Valid(MessageKind.Sitrep, "FR", "PRES"), Replaced);
        var replacedId = KeyId.OfSubjectPublicKeyInfo(Replaced.ExportSubjectPublicKeyInfo());

        Assert.Equal(ErrorCodes.SignatureInvalid, EnvelopeSignatures.Verify(envelope, rotated)?.Code);
        foreach (var refusal in new[] { FormerKeyRefusals.OfEnvelope(envelope, rotated), FormerKeyRefusals.OfDocument(document, rotated) })
        {
            Assert.Equal(ErrorCodes.SignedWithReplacedKey, refusal?.Code);
            Assert.Equal("$.signature", refusal!.Path);
            Assert.Equal($"signed with key {replacedId} of 'FR', which a rotation replaced: nothing new is accepted under it; sign with the current key", refusal.Message);
        }
    }

    [Fact]
    public void Under_a_revoked_former_key_the_refusal_is_key_revoked_and_under_a_stranger_key_nothing_is_named()
    {
        using var next = ParticipantKeys.Generate();
        using var stranger = ParticipantKeys.Generate();
        var rotated = RegistryUpdates.Rotate(TestData.Registry, "FR", ParticipantKeys.PublicKeyOf(next), TestData.Now);
        var replacedId = KeyId.OfSubjectPublicKeyInfo(Replaced.ExportSubjectPublicKeyInfo());
        var revoked = RegistryUpdates.Revoke(rotated, "FR", replacedId, TestData.Now);

        var underRevoked = EnvelopeSignatures.Sign(TestData.Valid(MessageKind.Sitrep, "FR", "PRES"), Replaced);
        var underStranger = EnvelopeSignatures.Sign(TestData.Valid(MessageKind.Sitrep, "FR", "PRES"), stranger);

        Assert.Equal(ErrorCodes.KeyRevoked, FormerKeyRefusals.OfEnvelope(underRevoked, revoked)?.Code);
        Assert.Null(FormerKeyRefusals.OfEnvelope(underStranger, rotated));
        Assert.Null(FormerKeyRefusals.OfEnvelope(underStranger, revoked));
    }

    [Fact]
    public void A_session_proof_under_a_replaced_key_is_named_too()
    {
        using var next = ParticipantKeys.Generate();
        var rotated = RegistryUpdates.Rotate(TestData.Registry, "FR", ParticipantKeys.PublicKeyOf(next), TestData.Now);
        var proof = SessionProofs.Create(new SessionChallenge("FR", "nonce", TestData.Now.AddMinutes(1)), Replaced, consuming: false);

        Assert.False(SessionProofs.IsSignedBy(proof, rotated));
        Assert.Equal(ErrorCodes.SignedWithReplacedKey, FormerKeyRefusals.OfSession(proof, rotated)?.Code);
    }
}
