namespace Article42.Mesh.Gateway.Tests;

/// <summary>
/// Issue #21 item 4: a gateway reloads its rotated private key while it sends and receives; nothing sent or received is
/// lost or handed twice, and what it sends after the reload is accepted under the new key's id.
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
}
