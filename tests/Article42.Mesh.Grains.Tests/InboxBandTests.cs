namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// A fetch skips, without a query, a precedence band it already read to its end (issue #18); a message stored into such
/// a band afterwards must still be the next one fetched, and a new session must still see what the last one was handed.
/// </summary>
public sealed class InboxBandTests(MeshClusterFixture mesh) : IClassFixture<MeshClusterFixture>
{
    [Fact]
    public async Task A_message_arriving_in_a_band_an_earlier_fetch_found_empty_is_fetched()
    {
        var (sender, recipient) = (mesh.Gateway("LU"), mesh.Gateway("LT"));
        await recipient.OpenAsync();
        var routine = TestKeys.Signed("LU", ["LT"], change: e => e with { PrecedenceAction = Precedence.Routine });
        await sender.SendAsync(routine);
        await recipient.ReceiveAsync([routine.MsgId]);
        // Every band now read to its end at this session's cursor.
        Assert.Empty(await recipient.FetchAsync());

        var priority = TestKeys.Signed("LU", ["LT"], change: e => e with { PrecedenceAction = Precedence.Priority });
        await sender.SendAsync(priority);
        var fetched = await recipient.ReceiveAsync([priority.MsgId]);

        Assert.Equal(priority.MsgId, Assert.Single(fetched).Envelope.MsgId);
        Assert.Empty((await recipient.AcknowledgeAsync([routine.MsgId, priority.MsgId])).Errors);
    }

    [Fact]
    public async Task A_new_session_is_handed_again_what_the_last_one_fetched_and_did_not_acknowledge()
    {
        var (sender, recipient) = (mesh.Gateway("LV"), mesh.Gateway("EE"));
        await recipient.OpenAsync();
        var message = TestKeys.Signed("LV", ["EE"]);
        await sender.SendAsync(message);
        await recipient.ReceiveAsync([message.MsgId]);
        Assert.Empty(await recipient.FetchAsync());

        var reopened = mesh.Gateway("EE");
        await reopened.OpenAsync();
        var again = Assert.Single(await reopened.FetchAsync());

        Assert.Equal((message.MsgId, true), (again.Envelope.MsgId, again.Redelivered));
        Assert.Equal(1, (await reopened.AcknowledgeAsync([message.MsgId])).Acknowledged);
        Assert.Equal(0, (await reopened.AcknowledgeAsync([message.MsgId])).Acknowledged);
    }
}
