namespace Article42.Mesh.Gateway.Tests;

[Collection(nameof(MeshCollection))]
public sealed class ReportTests(MeshFixture fixture)
{
    private MeshCluster Mesh => fixture.Mesh;

    [Fact]
    public async Task Reports_arrive_as_typed_events_and_a_confidential_message_to_ENISA_is_not_delivered_for_security_policy()
    {
        await using var fr = Mesh.Gateway("FR");
        await using var events = new Reader<MeshEvent>(fr.EventsAsync);
        var message = Messages.Draft("FR", ["DE", "ENISA"], label: Classification.ConfidentielUe);

        var receipt = await fr.SendAsync(message);

        Assert.Equal(["DE", "ENISA"], receipt.Recipients.Order());
        await events.UntilAsync(read => read.Count(e => e.MessageId == message.MsgId) == 2, "the DR for DE and the NDR for ENISA");
        var delivered = Assert.Single(events.Read.OfType<Delivered>(), d => d.MessageId == message.MsgId);
        Assert.Equal("DE", delivered.Recipient);
        var refused = Assert.Single(events.Read.OfType<NotDelivered>(), n => n.MessageId == message.MsgId);
        Assert.Equal(("ENISA", NonDeliveryReason.SecurityPolicy), (refused.Recipient, refused.Reason));
    }

    [Fact]
    public async Task A_restarted_gateway_with_a_state_directory_does_not_report_the_same_event_twice()
    {
        var state = Directory.CreateTempSubdirectory("a42-gw-state-").FullName;
        try
        {
            var first = Messages.Draft("LV", ["LT"]);
            await using (var lv = Mesh.Gateway("LV", state))
            {
                await using var events = new Reader<MeshEvent>(lv.EventsAsync);
                await lv.SendAsync(first);
                await events.NextMatchingAsync(e => e is Delivered d && d.MessageId == first.MsgId, "the DR of the first message");
            }

            await using var restarted = Mesh.Gateway("LV", state);
            await using var after = new Reader<MeshEvent>(restarted.EventsAsync);
            var second = Messages.Draft("LV", ["LT"]);
            await restarted.SendAsync(second);
            await after.NextMatchingAsync(e => e is Delivered d && d.MessageId == second.MsgId, "the DR of the second message");
            Assert.DoesNotContain(after.Read, e => e.MessageId == first.MsgId);
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }
}
