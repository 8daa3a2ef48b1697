namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// <c>Security:VerifySignatures=SessionOnly</c>: the signed challenge of the session proves the sender, submits skip the
/// per-message verification, and the signature travels unchanged for the recipient to verify.
/// </summary>
public sealed class SessionOnlySignatureTests(SessionOnlyFixture mesh) : IClassFixture<SessionOnlyFixture>
{
    [Fact]
    public async Task A_wrongly_signed_envelope_from_the_sessions_own_participant_is_accepted_and_reaches_the_recipient_with_the_signature_it_carried()
    {
        var badlySigned = EnvelopeSignatures.Sign(TestKeys.Signed("FR", ["DE"]), TestKeys.KeyOf("DE"));

        var receipt = await mesh.Gateway("FR").SendAsync(badlySigned);

        Assert.Equal(badlySigned.MsgId, receipt.MessageId);
        var received = Assert.Single(await mesh.Gateway("DE").ReceiveAsync([badlySigned.MsgId]), m => m.Envelope.MsgId == badlySigned.MsgId);
        Assert.Equal(badlySigned.Signature, received.Envelope.Signature);
        Assert.Equal(ErrorCodes.SignatureInvalid, EnvelopeSignatures.Verify(received.Envelope, TestKeys.Registry)?.Code);
    }

    [Fact]
    public async Task Nothing_is_verified_at_submit_so_the_acceptance_records_the_id_of_the_participants_current_key()
    {
        var badlySigned = EnvelopeSignatures.Sign(TestKeys.Signed("PT", ["ES"]), TestKeys.KeyOf("ES"));

        await mesh.Gateway("PT").SendAsync(badlySigned);

        var accepted = Assert.Single(await mesh.Journal.FindByMessageIdAsync(badlySigned.MsgId), e => e.Type == EntryTypes.Accepted);
        Assert.Equal(KeyId.OfSubjectPublicKeyInfo(TestKeys.KeyOf("PT").ExportSubjectPublicKeyInfo()), accepted.KeyId);
    }

    [Fact]
    public async Task The_session_still_decides_who_may_send_an_envelope_from_another_participant_is_refused_and_nothing_is_stored()
    {
        var othersMessage = TestKeys.Signed("DE", ["IT"]);

        var outcome = await mesh.Gateway("FR").SubmitAsync(othersMessage);

        Assert.Equal(ErrorCodes.SenderMismatch, Assert.Single(outcome.Errors).Code);
        Assert.Empty(await mesh.Journal.FindByMessageIdAsync(othersMessage.MsgId));
    }
}
