namespace Article42.Mesh.Gateway.Tests;

[Collection(nameof(MeshCollection))]
public sealed class RestartTests(MeshFixture fixture)
{
    private MeshCluster Mesh => fixture.Mesh;

    [Fact]
    public async Task A_gateway_restarted_on_the_same_state_directory_does_not_hand_out_a_message_it_handed_before()
    {
        var state = Directory.CreateTempSubdirectory("a42-gw-state-").FullName;
        try
        {
            await using var pl = Mesh.Gateway("PL");
            var first = Messages.Draft("PL", ["HU"], MessageKind.IncidentReport);
            await pl.SendAsync(first);
            await using (var hu = Mesh.Gateway("HU", state))
            {
                await using var inbox = new Reader<InboxMessage>(hu.ReceiveAsync);
                await inbox.NextMatchingAsync(m => m.Envelope.MsgId == first.MsgId, "the INCIDENT_REPORT");
                // Not acknowledged: the mesh still holds it for the next session.
            }

            await using var restarted = Mesh.Gateway("HU", state);
            await using var after = new Reader<InboxMessage>(restarted.ReceiveAsync);
            var second = Messages.Draft("PL", ["HU"], MessageKind.IncidentReport);
            await pl.SendAsync(second);
            Assert.Equal(second.MsgId, (await after.NextAsync("the second INCIDENT_REPORT")).Envelope.MsgId);

            // It can still be acknowledged by id, and its sender still gets the receipt it asked for.
            await using var events = new Reader<MeshEvent>(pl.EventsAsync);
            await restarted.AckAsync([first.MsgId]);
            await events.NextMatchingAsync(e => e is ReceiptReceived r && r.MessageId == first.MsgId, "the RECEIPT for the first INCIDENT_REPORT");
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    [Fact]
    public async Task Without_a_state_directory_a_restarted_gateway_hands_out_unacknowledged_messages_again()
    {
        await using var ro = Mesh.Gateway("RO");
        var message = Messages.Draft("RO", ["BG"]);
        await ro.SendAsync(message);
        await using (var bg = Mesh.Gateway("BG"))
        {
            await using var inbox = new Reader<InboxMessage>(bg.ReceiveAsync);
            await inbox.NextMatchingAsync(m => m.Envelope.MsgId == message.MsgId, "the SITREP");
        }

        await using var restarted = Mesh.Gateway("BG");
        await using var after = new Reader<InboxMessage>(restarted.ReceiveAsync);
        await after.NextMatchingAsync(m => m.Envelope.MsgId == message.MsgId, "the SITREP, handed out again");
    }

    [Fact]
    public void Two_gateways_cannot_share_a_state_directory()
    {
        var state = Directory.CreateTempSubdirectory("a42-gw-state-").FullName;
        try
        {
            using var first = HandedLog.Open(state);
            Assert.Throws<InvalidOperationException>(() => HandedLog.Open(state));
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }
}
