namespace Article42.Mesh.Gateway.Tests;

[Collection(nameof(MeshCollection))]
public sealed class AcknowledgementTests(MeshFixture fixture)
{
    private MeshCluster Mesh => fixture.Mesh;

    [Fact]
    public async Task Acknowledging_an_incident_report_sends_a_signed_receipt_to_its_sender_and_a_sitrep_gets_none()
    {
        await using var nl = Mesh.Gateway("NL");
        await using var be = Mesh.Gateway("BE");
        await using var events = new Reader<MeshEvent>(nl.EventsAsync);
        await using var inbox = new Reader<InboxMessage>(be.ReceiveAsync);
        var sitrep = Messages.Draft("NL", ["BE"]);
        var incident = Messages.Draft("NL", ["BE"], MessageKind.IncidentReport);
        await nl.SendAsync(sitrep);
        await nl.SendAsync(incident);
        await inbox.UntilAsync(read => read.Any(m => m.Envelope.MsgId == sitrep.MsgId) && read.Any(m => m.Envelope.MsgId == incident.MsgId), "the SITREP and the INCIDENT_REPORT");

        // The SITREP first: a receipt for it would be accepted, and so delivered to NL, before the incident's.
        await be.AckAsync(inbox.Read.Single(m => m.Envelope.MsgId == sitrep.MsgId));
        await be.AckAsync(inbox.Read.Single(m => m.Envelope.MsgId == incident.MsgId));

        var receipt = Assert.IsType<ReceiptReceived>(await events.NextMatchingAsync(e => e is ReceiptReceived, "a RECEIPT from BE"));
        Assert.Equal((incident.MsgId, "BE"), (receipt.MessageId, receipt.From));
        Assert.Equal(MessageKind.Receipt, receipt.Envelope.Kind);
        Assert.Null(EnvelopeSignatures.Verify(receipt.Envelope, KeyedRegistry.Registry));
        Assert.DoesNotContain(events.Read, e => e is ReceiptReceived r && r.MessageId == sitrep.MsgId);
    }

    [Fact]
    public async Task Acknowledged_messages_are_gone_from_the_mesh_and_a_new_gateway_starts_after_them()
    {
        await using var cz = Mesh.Gateway("CZ");
        var sent = new[] { Messages.Draft("CZ", ["SK"]), Messages.Draft("CZ", ["SK"]) };
        foreach (var message in sent)
            await cz.SendAsync(message);
        await using (var sk = Mesh.Gateway("SK"))
        {
            await using var inbox = new Reader<InboxMessage>(sk.ReceiveAsync);
            await inbox.UntilAsync(read => sent.All(s => read.Any(m => m.Envelope.MsgId == s.MsgId)), "both SITREPs");
            await sk.AckAsync([.. inbox.Read.Select(m => m.Envelope.MsgId)]);
        }

        await using var again = Mesh.Gateway("SK");
        await using var after = new Reader<InboxMessage>(again.ReceiveAsync);
        var sentinel = Messages.Draft("CZ", ["SK"]);
        await cz.SendAsync(sentinel);
        Assert.Equal(sentinel.MsgId, (await after.NextAsync("the sentinel")).Envelope.MsgId);
    }

    [Fact]
    public async Task A_wilco_is_an_explicit_act_that_reaches_the_sender_as_an_action_acknowledgement()
    {
        await using var at = Mesh.Gateway("AT");
        await using var si = Mesh.Gateway("SI");
        await using var events = new Reader<MeshEvent>(at.EventsAsync);
        await using var inbox = new Reader<InboxMessage>(si.ReceiveAsync);
        var note = Messages.Draft("AT", ["SI"], MessageKind.CoordinationNote);
        await at.SendAsync(note);
        var tasking = await inbox.NextMatchingAsync(m => m.Envelope.MsgId == note.MsgId, "the COORDINATION_NOTE");

        await si.AcknowledgeActionAsync(tasking, ActionResponse.Wilco, "on it");

        var answer = Assert.IsType<ActionAcknowledged>(await events.NextMatchingAsync(e => e is ActionAcknowledged, "the ACTION_ACK from SI"));
        Assert.Equal((note.MsgId, "SI", ActionResponse.Wilco, "on it"), (answer.MessageId, answer.From, answer.Response, answer.Remarks));
        Assert.DoesNotContain(events.Read, e => e is ReceiptReceived r && r.MessageId == note.MsgId);
    }
}
