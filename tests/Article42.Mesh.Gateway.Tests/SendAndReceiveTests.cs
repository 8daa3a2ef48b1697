namespace Article42.Mesh.Gateway.Tests;

[Collection(nameof(MeshCollection))]
public sealed class SendAndReceiveTests(MeshFixture fixture)
{
    private MeshCluster Mesh => fixture.Mesh;

    [Fact]
    public async Task A_message_sent_from_FR_to_DE_is_received_once_even_when_the_mesh_hands_it_out_again()
    {
        await using var fr = Mesh.Gateway("FR");
        await using var de = Mesh.Gateway("DE");
        await using var inbox = new Reader<InboxMessage>(de.ReceiveAsync);

        var first = Messages.Draft("FR", ["DE"]);
        var receipt = await fr.SendAsync(first);
        Assert.Equal(first.MsgId, receipt.MessageId);
        Assert.Equal(["DE"], receipt.Recipients);
        var received = await inbox.NextMatchingAsync(m => m.Envelope.MsgId == first.MsgId, "the SITREP from FR in DE's inbox");
        Assert.Null(EnvelopeSignatures.Verify(received.Envelope, KeyedRegistry.Registry));

        // Not acknowledged: a new consuming session gets it again from the mesh; the gateway must not hand it out twice.
        de.ReopenConsumingSession();
        var second = Messages.Draft("FR", ["DE"]);
        await fr.SendAsync(second);
        var next = await inbox.NextAsync("the second SITREP");
        Assert.Equal(second.MsgId, next.Envelope.MsgId);
        Assert.Single(inbox.Read, m => m.Envelope.MsgId == first.MsgId);
        Assert.True(de.ConsumingSessionOpens >= 2, "the consuming session was opened again");
        // The mesh did hand the first message out again (the new session fetched it before the second): the journal
        // records each hand-out, so the gateway, not the mesh, is what kept it from DE's inbox a second time.
        var handOuts = await HandOutsAsync(first.MsgId);
        Assert.True(handOuts >= 2, $"the mesh handed the first SITREP out {handOuts} time(s); a new session must get it again");
    }

    /// <summary>How often the mesh handed <paramref name="messageId"/> to a gateway session (the journal's "fetched" entries).</summary>
    private async Task<int> HandOutsAsync(string messageId) =>
        (await Mesh.Journal.FindByMessageIdAsync(messageId, TestContext.Current.CancellationToken)).Count(e => e.Type == "fetched");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_message_goes_as_its_signed_bytes_unless_told_to_go_as_a_value_and_arrives_verified_either_way(bool asBytes)
    {
        // Participants only ManyGatewaysTests also uses, which tolerates other tests' messages; this one acknowledges its own.
        var (from, to) = asBytes ? ("EE", "DK") : ("DK", "EE");
        await using var sender = MeshGateway.Attach(Mesh.Cluster.Client, MeshCluster.Options(from) with { SendAsBytes = asBytes });
        await using var recipient = Mesh.Gateway(to);
        await using var inbox = new Reader<InboxMessage>(recipient.ReceiveAsync);
        var message = Messages.Draft(from, [to]);

        await sender.SendAsync(message);

        var received = await inbox.NextMatchingAsync(m => m.Envelope.MsgId == message.MsgId, $"the SITREP from {from}");
        Assert.Null(EnvelopeSignatures.Verify(received.Envelope, KeyedRegistry.Registry));
        Assert.Equal((1, asBytes ? 0 : 1), (Mesh.LostAnswers.Submits(message.MsgId), Mesh.LostAnswers.ValueSubmits(message.MsgId)));
        await recipient.AckAsync(received);
    }

    [Fact]
    public async Task A_send_whose_answer_is_lost_is_retried_with_the_same_id_and_the_message_arrives_once()
    {
        await using var it = Mesh.Gateway("IT");
        await using var es = Mesh.Gateway("ES");
        await using var inbox = new Reader<InboxMessage>(es.ReceiveAsync);
        var message = Messages.Draft("IT", ["ES"]);
        Mesh.LostAnswers.Lose(message.MsgId, 2);

        var receipt = await it.SendAsync(message);

        Assert.Equal(message.MsgId, receipt.MessageId);
        Assert.Equal(3, Mesh.LostAnswers.Submits(message.MsgId));
        await inbox.NextMatchingAsync(m => m.Envelope.MsgId == message.MsgId, "the SITREP from IT");
        var sentinel = Messages.Draft("IT", ["ES"]);
        await it.SendAsync(sentinel);
        await inbox.NextMatchingAsync(m => m.Envelope.MsgId == sentinel.MsgId, "the sentinel from IT");
        Assert.Single(inbox.Read, m => m.Envelope.MsgId == message.MsgId);
    }

    [Fact]
    public async Task A_forged_signature_is_refused_with_its_code_and_not_retried()
    {
        await using var pt = Mesh.Gateway("PT");
        var forged = EnvelopeSignatures.Sign(Messages.Draft("PT", ["ES"]), KeyedRegistry.KeyOf("IE"));

        var refusal = await Assert.ThrowsAsync<MeshRefusedException>(() => pt.SendAsync(forged));

        Assert.True(refusal.Has(ErrorCodes.SignatureInvalid), refusal.Message);
        Assert.Equal(1, Mesh.LostAnswers.Submits(forged.MsgId));
    }

    [Fact]
    public async Task Another_senders_message_id_is_refused_as_a_conflict()
    {
        await using var pt = Mesh.Gateway("PT");
        await using var ie = Mesh.Gateway("IE");
        var original = Messages.Draft("PT", ["IE"]);
        await pt.SendAsync(original);

        var copy = Messages.Draft("IE", ["PT"]) with { MsgId = original.MsgId };
        var refusal = await Assert.ThrowsAsync<MeshRefusedException>(() => ie.SendAsync(copy));

        Assert.Equal(ErrorCodes.MessageIdConflict, Assert.Single(refusal.Errors).Code);
    }

    [Fact]
    public async Task A_gateway_without_the_registry_key_is_refused_a_session()
    {
        using var stranger = ParticipantKeys.Generate();
        await using var gateway = MeshGateway.Attach(Mesh.Cluster.Client, MeshCluster.Options("LU") with { PrivateKey = stranger });
        await using var inbox = new Reader<InboxMessage>(gateway.ReceiveAsync);

        var refusal = await Assert.ThrowsAsync<MeshRefusedException>(() => inbox.NextAsync("a refusal"));

        Assert.True(refusal.Has(ErrorCodes.ProofInvalid), refusal.Message);
    }
}
