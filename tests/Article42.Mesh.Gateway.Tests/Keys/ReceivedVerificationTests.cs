namespace Article42.Mesh.Gateway.Tests;

/// <summary>
/// Issue #21 items 4 and 5: a gateway given the operator's key learns the operator-signed registry from the mesh and
/// checks every received message against the key its acceptance recorded; a message altered in the journal is raised as
/// <see cref="ReceivedMessageRejected"/>, not handed, and acknowledged so it cannot block the inbox.
/// </summary>
public sealed class ReceivedVerificationTests(SignedRegistryMesh mesh) : IClassFixture<SignedRegistryMesh>
{
    [Fact]
    public async Task A_good_message_is_handed_with_the_key_id_of_its_acceptance_once_the_gateway_verified_the_registry()
    {
        await using var fr = mesh.Gateway("FR");
        await using var de = mesh.Gateway("DE");
        await using var inbox = new Reader<InboxMessage>(de.ReceiveAsync);
        var message = Messages.Draft("FR", ["DE"]);

        await fr.SendAsync(message);

        var received = await inbox.NextMatchingAsync(m => m.Envelope.MsgId == message.MsgId, "FR's SITREP in DE's inbox");
        Assert.Equal(fr.SigningKeyId, received.KeyId);
        Assert.Equal(mesh.Holder.Current.Version, de.RegistryVersion);
        var accepted = Assert.Single(await mesh.Journal.FindByMessageIdAsync(message.MsgId, TestContext.Current.CancellationToken), e => e.Type == "accepted");
        Assert.Equal(accepted.KeyId, received.KeyId);
    }

    [Fact]
    public async Task A_message_tampered_in_the_journal_is_a_rejection_event_is_never_handed_and_is_acknowledged()
    {
        await using var it = mesh.Gateway("IT");
        var tampered = Messages.Draft("IT", ["ES"]);
        await it.SendAsync(tampered);
        await mesh.StoredAsync("ES", tampered.MsgId);
        await mesh.TamperAsync("ES", tampered.MsgId);

        await using var es = mesh.Gateway("ES");
        await using var events = new Reader<MeshEvent>(es.EventsAsync);
        await using var inbox = new Reader<InboxMessage>(es.ReceiveAsync);
        var sentinel = Messages.Draft("IT", ["ES"]);
        await it.SendAsync(sentinel);

        var rejected = (ReceivedMessageRejected)await events.NextMatchingAsync(e => e is ReceivedMessageRejected, "the rejection of the tampered SITREP");
        Assert.Equal((tampered.MsgId, "IT", ReceivedRejection.SignatureInvalid, it.SigningKeyId), (rejected.MessageId, rejected.From, rejected.Reason, rejected.KeyId));
        await inbox.NextMatchingAsync(m => m.Envelope.MsgId == sentinel.MsgId, "the sentinel after it");
        Assert.DoesNotContain(inbox.Read, m => m.Envelope.MsgId == tampered.MsgId);
        await mesh.AcknowledgedAsync("ES", tampered.MsgId);
    }

    [Fact]
    public async Task With_VerifyReceived_off_the_tampered_message_is_handed_as_the_mesh_gives_it()
    {
        await using var pt = mesh.Gateway("PT");
        var tampered = Messages.Draft("PT", ["NL"]);
        await pt.SendAsync(tampered);
        await mesh.StoredAsync("NL", tampered.MsgId);
        await mesh.TamperAsync("NL", tampered.MsgId);

        await using var nl = mesh.Gateway("NL", o => o with { VerifyReceived = false });
        await using var inbox = new Reader<InboxMessage>(nl.ReceiveAsync);

        var received = await inbox.NextMatchingAsync(m => m.Envelope.MsgId == tampered.MsgId, "the tampered SITREP, unchecked");
        Assert.Equal(ErrorCodes.SignatureInvalid, EnvelopeSignatures.Verify(received.Envelope, KeyedRegistry.Registry)?.Code);
        Assert.Null(nl.RegistryVersion);
    }

    [Fact]
    public async Task A_registry_signed_by_another_operator_key_is_a_REG_003_event_and_nothing_is_fetched()
    {
        await using var sk = mesh.Gateway("SK");
        var waiting = Messages.Draft("SK", ["SI"]);
        await sk.SendAsync(waiting);
        using var stranger = ParticipantKeys.Generate();
        await using var si = mesh.Gateway("SI", o => o with { OperatorPublicKey = stranger });
        await using var events = new Reader<MeshEvent>(si.EventsAsync);

        var refused = (RegistryRejected)await events.NextMatchingAsync(e => e is RegistryRejected, "the refusal of the registry document");

        Assert.Equal(ErrorCodes.RegistrySignatureInvalid, refused.Error.Code);
        Assert.Null(si.RegistryVersion);
        Assert.DoesNotContain(await mesh.Journal.FindByMessageIdAsync(waiting.MsgId, TestContext.Current.CancellationToken), e => e.Type == "fetched");
    }

    [Fact]
    public async Task A_message_signed_under_a_key_rotated_after_the_gateway_read_the_registry_verifies_after_it_reads_it_again()
    {
        await using var lv = mesh.Gateway("LV");
        await using var lt = mesh.Gateway("LT", o => o with { RegistryPollInterval = TimeSpan.FromHours(1) });
        await using var inbox = new Reader<InboxMessage>(lt.ReceiveAsync);
        var before = Messages.Draft("LV", ["LT"]);
        await lv.SendAsync(before);
        await inbox.NextMatchingAsync(m => m.Envelope.MsgId == before.MsgId, "LV's SITREP before the rotation");
        var version = lt.RegistryVersion;

        using var rotated = ParticipantKeys.Generate();
        mesh.Publish(RegistryUpdates.Rotate(mesh.Holder.Current, "LV", ParticipantKeys.PublicKeyOf(rotated), DateTimeOffset.UtcNow));
        lv.ReloadPrivateKey(rotated);
        var after = Messages.Draft("LV", ["LT"]);
        await lv.SendAsync(after);

        await using var events = new Reader<MeshEvent>(lt.EventsAsync);
        var received = await inbox.NextMatchingAsync(m => m.Envelope.MsgId == after.MsgId, "LV's SITREP under its new key");
        Assert.Empty(events.Read);
        Assert.Equal(KeyId.Of(ParticipantKeys.PublicKeyOf(rotated)), received.KeyId);
        Assert.True(lt.RegistryVersion > version, $"LT read the registry again (version {lt.RegistryVersion}, was {version})");
    }
}
