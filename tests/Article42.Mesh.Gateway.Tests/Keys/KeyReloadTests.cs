namespace Article42.Mesh.Gateway.Tests;

/// <summary>
/// Issue #21 item 4: a gateway reloads its rotated private key while it sends and receives; nothing sent or received is
/// lost or handed twice, and what it sends after the reload is accepted under the new key's id. A send the mesh judges
/// between the rotation and the reload is refused as signed with a replaced key (<c>A42-SIG-006</c>) and waits for the
/// reload, within <see cref="MeshGatewayOptions.KeyReloadWait"/>.
/// </summary>
public sealed class KeyReloadTests(SignedRegistryMesh mesh) : IClassFixture<SignedRegistryMesh>
{
    [Fact]
    public async Task Both_gateways_rotating_mid_stream_lose_and_duplicate_nothing_and_later_sends_carry_the_new_key_id()
    {
        await using var cz = mesh.Gateway("CZ");
        await using var at = mesh.Gateway("AT");
        await using var inbox = new Reader<InboxMessage>(at.ReceiveAsync);
        var before = Messages.Draft("CZ", ["AT"]);
        await cz.SendAsync(before);
        await inbox.NextMatchingAsync(m => m.Envelope.MsgId == before.MsgId, "a SITREP handed before the rotation and not acknowledged");
        var oldKeyId = cz.SigningKeyId;
        var inFlight = Enumerable.Range(0, 20).Select(_ => Messages.Draft("CZ", ["AT"])).ToList();
        var later = Enumerable.Range(0, 20).Select(_ => Messages.Draft("CZ", ["AT"])).ToList();

        var sending = Task.WhenAll(inFlight.Select(m => cz.SendAsync(m, TestContext.Current.CancellationToken)));
        using var czKey = ParticipantKeys.Generate();
        using var atKey = ParticipantKeys.Generate();
        var rotated = RegistryUpdates.Rotate(mesh.Holder.Current, "CZ", ParticipantKeys.PublicKeyOf(czKey), DateTimeOffset.UtcNow);
        mesh.Publish(RegistryUpdates.Rotate(rotated, "AT", ParticipantKeys.PublicKeyOf(atKey), DateTimeOffset.UtcNow));
        // Reloaded once a send still in flight was judged under the rotated registry (or none was left): a run with a
        // send in flight at the rotation crosses the window between it and the reload, which run 97 crossed by chance.
        await Deadline.UntilAsync(() => cz.SendsAwaitingKeyReload > 0 || sending.IsCompleted, TimeSpan.FromSeconds(30), "a send refused under CZ's replaced key and waiting, or every send done");
        cz.ReloadPrivateKey(czKey);
        at.ReloadPrivateKey(atKey);
        await sending;
        foreach (var message in later)
            await cz.SendAsync(message, TestContext.Current.CancellationToken);

        string[] expected = [before.MsgId, .. inFlight.Select(m => m.MsgId), .. later.Select(m => m.MsgId)];
        await inbox.UntilAsync(read => expected.All(id => read.Any(m => m.Envelope.MsgId == id)), "every SITREP in AT's inbox");
        Assert.Equal(expected.Order(), inbox.Read.Select(m => m.Envelope.MsgId).Order());
        var newKeyId = KeyId.Of(ParticipantKeys.PublicKeyOf(czKey));
        Assert.Equal(newKeyId, cz.SigningKeyId);
        foreach (var message in later)
        {
            var accepted = Assert.Single(await mesh.Journal.FindByMessageIdAsync(message.MsgId, TestContext.Current.CancellationToken), e => e.Type == "accepted");
            Assert.Equal(newKeyId, accepted.KeyId);
            Assert.Equal(newKeyId, Assert.Single(inbox.Read, m => m.Envelope.MsgId == message.MsgId).KeyId);
        }
        Assert.Equal(oldKeyId, Assert.Single(inbox.Read, m => m.Envelope.MsgId == before.MsgId).KeyId);
        // What AT was handed before its own reload is still its to acknowledge, under its new session.
        await at.AckAsync(inbox.Read, TestContext.Current.CancellationToken);
        await mesh.AcknowledgedAsync("AT", before.MsgId);
    }

    [Theory]
    [InlineData("PL", true)]
    [InlineData("HR", false)]
    public async Task A_send_the_mesh_judges_after_the_rotation_waits_for_the_reload_and_is_accepted_under_the_new_key(string participant, bool sessionOpen)
    {
        await using var gateway = mesh.Gateway(participant);
        // With its session open, as a running gateway's is, the submit itself is judged under the rotated registry;
        // without, the session's opening is.
        if (sessionOpen)
            await gateway.SendAsync(Messages.Draft(participant, ["SK"]), TestContext.Current.CancellationToken);
        var message = Messages.Draft(participant, ["SK"]);
        using var next = ParticipantKeys.Generate();
        mesh.Publish(RegistryUpdates.Rotate(mesh.Holder.Current, participant, ParticipantKeys.PublicKeyOf(next), DateTimeOffset.UtcNow));

        var sending = gateway.SendAsync(message, TestContext.Current.CancellationToken);
        await Deadline.UntilAsync(() => gateway.SendsAwaitingKeyReload == 1, TimeSpan.FromSeconds(30), $"{participant}'s send refused under its replaced key and waiting");
        Assert.False(sending.IsCompleted, "the refused send waits for the reload");
        gateway.ReloadPrivateKey(next);
        await sending;

        Assert.Equal(0, gateway.SendsAwaitingKeyReload);
        var accepted = Assert.Single(await mesh.Journal.FindByMessageIdAsync(message.MsgId, TestContext.Current.CancellationToken), e => e.Type == "accepted");
        Assert.Equal(KeyId.Of(ParticipantKeys.PublicKeyOf(next)), accepted.KeyId);
    }

    [Theory]
    [InlineData("HU", 0, false)]
    [InlineData("SI", 500, true)]
    public async Task Without_a_reload_within_the_wait_the_send_is_refused_as_signed_with_a_replaced_key_and_nothing_is_stored(string participant, int waitMilliseconds, bool sessionOpen)
    {
        await using var gateway = mesh.Gateway(participant, o => o with { KeyReloadWait = TimeSpan.FromMilliseconds(waitMilliseconds) });
        // Without a session, the session's opening is what the mesh refuses (its proof is signed too).
        if (sessionOpen)
            await gateway.SendAsync(Messages.Draft(participant, ["SK"]), TestContext.Current.CancellationToken);
        var replacedId = gateway.SigningKeyId;
        var message = Messages.Draft(participant, ["SK"]);
        using var next = ParticipantKeys.Generate();
        mesh.Publish(RegistryUpdates.Rotate(mesh.Holder.Current, participant, ParticipantKeys.PublicKeyOf(next), DateTimeOffset.UtcNow));

        var refused = await Assert.ThrowsAsync<MeshRefusedException>(() => gateway.SendAsync(message, TestContext.Current.CancellationToken));

        var error = Assert.Single(refused.Errors);
        Assert.Equal(ErrorCodes.SignedWithReplacedKey, error.Code);
        Assert.Equal($"signed with key {replacedId} of '{participant}', which a rotation replaced: nothing new is accepted under it; sign with the current key", error.Message);
        Assert.Empty(await mesh.Journal.FindByMessageIdAsync(message.MsgId, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_rotation_applied_between_a_sends_checks_and_its_acceptance_records_the_key_that_verified_it()
    {
        // Run 99 of issue 24's series: the acceptance recorded the key current when it was written, not the one the
        // signature was checked against, so a recipient judged the message under a key that never signed it.
        await using var ro = mesh.Gateway("RO");
        await using var sk = mesh.Gateway("SK");
        await using var inbox = new Reader<InboxMessage>(sk.ReceiveAsync);
        var message = Messages.Draft("RO", ["SK"]);
        var verifiedWith = ro.SigningKeyId;
        using var next = ParticipantKeys.Generate();
        mesh.BetweenChecksAndAcceptance = envelope =>
        {
            if (envelope.MsgId == message.MsgId)
                mesh.Publish(RegistryUpdates.Rotate(mesh.Holder.Current, "RO", ParticipantKeys.PublicKeyOf(next), DateTimeOffset.UtcNow));
        };
        try
        {
            await ro.SendAsync(message, TestContext.Current.CancellationToken);
        }
        finally
        {
            mesh.BetweenChecksAndAcceptance = null;
        }

        Assert.NotEqual(verifiedWith, KeyId.Of(mesh.Holder.Current.Find("RO")!.PublicKey!));
        var accepted = Assert.Single(await mesh.Journal.FindByMessageIdAsync(message.MsgId, TestContext.Current.CancellationToken), e => e.Type == "accepted");
        Assert.Equal(verifiedWith, accepted.KeyId);
        var handed = await inbox.NextMatchingAsync(m => m.Envelope.MsgId == message.MsgId, "RO's SITREP, verified by SK under the key that signed it");
        Assert.Equal(verifiedWith, handed.KeyId);
    }

    [Fact]
    public void A_negative_key_reload_wait_is_refused_when_the_gateway_is_made()
    {
        var refused = Assert.Throws<ArgumentException>(() => mesh.Gateway("EE", o => o with { KeyReloadWait = TimeSpan.FromSeconds(-1) }));
        Assert.Equal("the key reload wait cannot be negative (Parameter 'options')", refused.Message);
    }
}
