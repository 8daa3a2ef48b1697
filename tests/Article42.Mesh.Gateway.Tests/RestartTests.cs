namespace Article42.Mesh.Gateway.Tests;

[Collection(nameof(MeshCollection))]
public sealed class RestartTests(MeshFixture fixture)
{
    private MeshCluster Mesh => fixture.Mesh;

    [Fact]
    public async Task A_gateway_restarted_on_the_same_state_directory_hands_an_unacknowledged_message_again_flagged_redelivered_and_once()
    {
        var state = Directory.CreateTempSubdirectory("a42-gw-state-").FullName;
        try
        {
            // MT and EL are this test's alone: the collection's mesh is shared, and a message another test left
            // unacknowledged in a shared inbox would be handed again, flagged, before this one.
            await using var mt = Mesh.Gateway("MT");
            var first = Messages.Draft("MT", ["EL"], MessageKind.IncidentReport);
            await mt.SendAsync(first);
            await using (var el = Mesh.Gateway("EL", state))
            {
                await using var inbox = new Reader<InboxMessage>(el.ReceiveAsync);
                var handed = await inbox.NextMatchingAsync(m => m.Envelope.MsgId == first.MsgId, "the INCIDENT_REPORT");
                Assert.False(handed.Redelivered, "flagged redelivered on its first hand-out");
                // Not acknowledged: the mesh still holds it for the next session.
            }

            await using var restarted = Mesh.Gateway("EL", state);
            await using var after = new Reader<InboxMessage>(restarted.ReceiveAsync);
            var again = await after.NextAsync("the unacknowledged INCIDENT_REPORT, handed again");
            Assert.Equal((first.MsgId, true), (again.Envelope.MsgId, again.Redelivered));

            // Within this gateway's lifetime it is not handed a third time, even to a new session.
            restarted.ReopenConsumingSession();
            var second = Messages.Draft("MT", ["EL"], MessageKind.IncidentReport);
            await mt.SendAsync(second);
            Assert.Equal(second.MsgId, (await after.NextAsync("the second INCIDENT_REPORT")).Envelope.MsgId);

            // It can be acknowledged by id, and its sender still gets the receipt it asked for.
            await using var events = new Reader<MeshEvent>(mt.EventsAsync);
            await restarted.AckAsync([first.MsgId]);
            await events.NextMatchingAsync(e => e is ReceiptReceived r && r.MessageId == first.MsgId, "the RECEIPT for the first INCIDENT_REPORT");
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    [Fact]
    public async Task Without_a_state_directory_a_restarted_gateway_gets_unacknowledged_messages_again_flagged_redelivered_by_the_mesh()
    {
        await using var ro = Mesh.Gateway("RO");
        var message = Messages.Draft("RO", ["BG"]);
        await ro.SendAsync(message);
        await using (var bg = Mesh.Gateway("BG"))
        {
            await using var inbox = new Reader<InboxMessage>(bg.ReceiveAsync);
            var handed = await inbox.NextMatchingAsync(m => m.Envelope.MsgId == message.MsgId, "the SITREP");
            Assert.False(handed.Redelivered, "flagged redelivered on its first hand-out");
        }

        await using var restarted = Mesh.Gateway("BG");
        await using var after = new Reader<InboxMessage>(restarted.ReceiveAsync);
        var again = await after.NextMatchingAsync(m => m.Envelope.MsgId == message.MsgId, "the SITREP, handed out again");
        Assert.True(again.Redelivered, "handed again without the redelivered flag");
    }

    [Fact]
    public void The_handed_log_hands_an_id_from_before_a_restart_again_once_and_withholds_what_was_acknowledged()
    {
        var state = Directory.CreateTempSubdirectory("a42-gw-state-").FullName;
        try
        {
            var (unacknowledged, acknowledged) = (Messages.Draft("PL", ["HU"]).MsgId, Messages.Draft("PL", ["HU"]).MsgId);
            using (var before = HandedLog.Open(state))
            {
                Assert.Equal(Handing.Fresh, before.TryHand(unacknowledged));
                Assert.Equal(Handing.Fresh, before.TryHand(acknowledged));
                Assert.Equal(Handing.Withheld, before.TryHand(unacknowledged));
                before.Acknowledged([acknowledged]);
            }
            var written = File.ReadAllText(Path.Combine(state, HandedLog.FileName));

            using var after = HandedLog.Open(state);
            Assert.Equal(Handing.Again, after.TryHand(unacknowledged));
            Assert.Equal(Handing.Withheld, after.TryHand(unacknowledged));
            Assert.Equal(Handing.Withheld, after.TryHand(acknowledged));
            // Handing again writes nothing: its +id is on disk from before the restart (the compaction kept it).
            Assert.Equal($"+{unacknowledged}\n", File.ReadAllText(Path.Combine(state, HandedLog.FileName)));
            Assert.Contains($"-{acknowledged}", written, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
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
