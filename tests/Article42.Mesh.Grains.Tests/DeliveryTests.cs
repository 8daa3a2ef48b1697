namespace Article42.Mesh.Grains.Tests;

public sealed class DeliveryTests(DeliveryFixture mesh) : IClassFixture<DeliveryFixture>
{
    [Fact]
    public async Task An_invocation_from_FR_to_ALL_reaches_the_other_26_member_states_and_every_EU_body_exactly_once_and_not_FR()
    {
        var invocation = TestKeys.Signed("FR", [ParticipantGroups.All], MessageKind.Invocation);
        var receipt = await mesh.Gateway("FR").SendAsync(invocation);

        var expected = TestKeys.Registry.MemberStates.Concat(TestKeys.Registry.EuBodies).Where(id => id != "FR").ToList();
        Assert.Equal(48, expected.Count);
        Assert.Equal(expected.Order(), receipt.Recipients.Order());
        foreach (var recipient in expected)
        {
            var gateway = mesh.Gateway(recipient);
            var received = await gateway.ReceiveAsync([invocation.MsgId]);
            received.AddRange(await gateway.FetchAsync());
            Assert.Single(received, m => m.Envelope.MsgId == invocation.MsgId);
        }
        Assert.DoesNotContain(await mesh.Gateway("FR").FetchAsync(), m => m.Envelope.MsgId == invocation.MsgId);
        Assert.DoesNotContain(await mesh.Gateway("EXCON").FetchAsync(), m => m.Envelope.MsgId == invocation.MsgId);

        var reports = await mesh.Gateway("FR").ReportsAsync(48);
        Assert.Equal(expected.Order(), reports.Where(r => r.MessageId == invocation.MsgId && r.Kind == ReportKind.Delivered).Select(r => r.Recipient).Order());
    }

    [Fact]
    public async Task The_same_message_submitted_ten_times_concurrently_is_accepted_once_and_delivered_once()
    {
        var message = TestKeys.Signed("IT", ["SE"]);
        var sender = mesh.Gateway("IT");
        await sender.OpenAsync(consuming: false);
        var receipts = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => sender.SendAsync(message)));
        Assert.Single(receipts.Select(r => (r.MessageId, r.AcceptedAt)).Distinct());

        var recipient = mesh.Gateway("SE");
        var received = await recipient.ReceiveAsync([message.MsgId]);
        received.AddRange(await recipient.FetchAsync());
        Assert.Single(received, m => m.Envelope.MsgId == message.MsgId);
        Assert.Single(await mesh.Journal.FindByMessageIdAsync(message.MsgId), e => e.Type == "accepted");
    }

    [Fact]
    public async Task A_message_id_reused_by_another_sender_or_for_other_content_is_refused_and_nothing_is_stored()
    {
        var original = TestKeys.Signed("ES", ["PT"]);
        await mesh.Gateway("ES").SendAsync(original);
        await mesh.Gateway("ES").ReportsAsync(1);
        var before = await mesh.Journal.FindByMessageIdAsync(original.MsgId);

        var stolen = TestKeys.Signed("NL", ["PT"], change: e => e with { MsgId = original.MsgId });
        var byOther = await mesh.Gateway("NL").SubmitAsync(stolen);
        Assert.Equal(ErrorCodes.MessageIdConflict, Assert.Single(byOther.Errors).Code);

        var altered = TestKeys.Signed("ES", ["PT"], change: e => e with { MsgId = original.MsgId, Topics = ["CHANGED"] });
        var bySame = await mesh.Gateway("ES").SubmitAsync(altered);
        Assert.Equal(ErrorCodes.MessageIdConflict, Assert.Single(bySame.Errors).Code);
        Assert.Null(bySame.Receipt);

        Assert.Equal(before.Count, (await mesh.Journal.FindByMessageIdAsync(original.MsgId)).Count);
        Assert.Equal(0, await mesh.Journal.CountQueuedAsync("out/NL/PT"));
    }

    [Fact]
    public async Task A_flash_message_submitted_after_5000_queued_routine_messages_is_the_next_one_fetched_and_the_routine_ones_keep_their_order()
    {
        var sender = mesh.Gateway("PL");
        await sender.OpenAsync(consuming: false);
        await mesh.Gateway("LT").ClearAsync();
        var routine = Enumerable.Range(0, 5000)
            .Select(_ => TestKeys.Signed("PL", ["LT"], change: e => e with { PrecedenceAction = Precedence.Routine }))
            .ToList();
        // One after the other, each accepted before the next is sent: the order the inbox must keep.
        var sending = System.Diagnostics.Stopwatch.StartNew();
        await sender.SendInOrderAsync(routine);
        TestContext.Current.TestOutputHelper?.WriteLine($"5000 sequential sends took {sending.Elapsed.TotalSeconds:0.0} s");
        var flash = TestKeys.Signed("PL", ["LT"], MessageKind.IncidentReport);
        Assert.Equal(Precedence.Flash, flash.PrecedenceAction);
        await sender.SendAsync(flash);

        var reports = await sender.ReportsAsync(5001, within: TimeSpan.FromSeconds(120));
        Assert.Contains(reports, r => r.MessageId == flash.MsgId && r.Kind == ReportKind.Delivered);
        var lithuania = mesh.Gateway("LT");
        var next = await lithuania.FetchAsync(max: 1);
        Assert.Equal(flash.MsgId, Assert.Single(next).Envelope.MsgId);
        Assert.Equal(Precedence.Flash, next[0].Precedence);

        var following = new List<InboxMessage>();
        while (following.Count < routine.Count)
        {
            var batch = await lithuania.FetchAsync(max: 500);
            Assert.True(batch.Length > 0, $"LT's inbox ran dry after {following.Count} of {routine.Count} ROUTINE messages");
            following.AddRange(batch);
        }
        Assert.All(following, m => Assert.Equal(Precedence.Routine, m.Precedence));
        Assert.Equal(routine.Select(m => m.MsgId), following.Select(m => m.Envelope.MsgId));
    }

    [Fact]
    public async Task A_label_above_a_recipients_ceiling_or_outside_releasable_to_gives_that_recipient_an_NDR_while_the_others_get_it()
    {
        var confidential = TestKeys.Signed("AT", ["DE", "ENISA"], change: e => e with { Label = e.Label with { Level = Classification.ConfidentielUe } });
        var released = TestKeys.Signed("AT", ["DE", "IT"], change: e => e with { Label = e.Label with { ReleasableTo = ["DE"] } });
        var sender = mesh.Gateway("AT");
        await sender.SendAsync(confidential);
        await sender.SendAsync(released);

        await mesh.Gateway("DE").ReceiveAsync([confidential.MsgId, released.MsgId]);
        var reports = await sender.ReportsAsync(4);
        Assert.Contains(reports, r => r is { Recipient: "ENISA", Kind: ReportKind.NotDelivered, Reason: NonDeliveryReason.SecurityPolicy } && r.MessageId == confidential.MsgId);
        Assert.Contains(reports, r => r is { Recipient: "IT", Kind: ReportKind.NotDelivered, Reason: NonDeliveryReason.SecurityPolicy } && r.MessageId == released.MsgId);
        Assert.Contains(reports, r => r is { Recipient: "DE", Kind: ReportKind.Delivered } && r.MessageId == confidential.MsgId);
        Assert.DoesNotContain(await mesh.Gateway("ENISA").FetchAsync(), m => m.Envelope.MsgId == confidential.MsgId);
        Assert.DoesNotContain(await mesh.Gateway("IT").FetchAsync(), m => m.Envelope.MsgId == released.MsgId);
    }

    [Fact]
    public async Task Acknowledged_messages_are_never_handed_out_again_and_unacknowledged_ones_return_to_a_new_session()
    {
        var first = TestKeys.Signed("HU", ["SK"]);
        var second = TestKeys.Signed("HU", ["SK"]);
        await mesh.Gateway("HU").SendAsync(first);
        await mesh.Gateway("HU").SendAsync(second);
        var recipient = mesh.Gateway("SK");
        await recipient.ReceiveAsync([first.MsgId, second.MsgId]);

        var acked = await recipient.AcknowledgeAsync([first.MsgId, first.MsgId]);
        Assert.Equal(1, acked.Acknowledged);
        Assert.Empty(acked.Errors);
        Assert.Equal(0, (await recipient.AcknowledgeAsync([first.MsgId])).Acknowledged);

        var reopened = mesh.Gateway("SK");
        await reopened.OpenAsync();
        var again = await reopened.FetchAsync();
        Assert.Contains(again, m => m.Envelope.MsgId == second.MsgId);
        Assert.DoesNotContain(again, m => m.Envelope.MsgId == first.MsgId);
    }
}
