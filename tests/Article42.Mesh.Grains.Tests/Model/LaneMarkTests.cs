namespace Article42.Mesh.Grains.Tests.Model;

/// <summary>
/// The inbox's high-water mark per sender and lane after an activation (issue #18, duplicate activations): rebuilt
/// from the message-id index, it must not be taken from a batch of redeliveries, which says nothing of what an earlier
/// activation stored after them.
/// </summary>
public sealed class LaneMarkTests() : InboxesOverOneJournal("a42-lane-mark-")
{
    /// <summary>
    /// An activation stored a lane's messages 2 and 3; a fresh activation (the first one deactivated) is redelivered 2
    /// alone (a duplicate sender activation that held only 2, or a lane whose batch ended there), then 3. The first
    /// batch is all redelivery: it used to set the mark at 2, so 3 was above it, stored a second time and handed twice
    /// (found by <c>DeliveryModelTests</c>: two received entries of one message, one row left after its acknowledgement).
    /// </summary>
    [Fact]
    public async Task A_batch_of_redeliveries_after_an_activation_does_not_set_the_lane_mark_below_what_is_held()
    {
        var (second, third) = await AcceptedAsync();
        var first = await LoadedInboxAsync();
        Assert.Equal(2, (await first.StoreAsync(Batch((second, 2), (third, 3)))).Count);

        var fresh = await LoadedInboxAsync();
        Assert.Empty(await fresh.StoreAsync(Batch((second, 2))));
        Assert.Empty(await fresh.StoreAsync(Batch((third, 3))));

        Assert.Single(await Journal.FindByMessageIdAsync(third.MsgId), e => e.Type == EntryTypes.Received);
        Assert.Equal(2, fresh.Backlog);
    }

    /// <summary>A fresh activation's first batch that ends with a new message stores only what is new, and its redelivery nothing.</summary>
    [Fact]
    public async Task A_batch_that_ends_new_sets_the_mark()
    {
        var (second, third) = await AcceptedAsync();
        var first = await LoadedInboxAsync();
        Assert.Single(await first.StoreAsync(Batch((second, 2))));

        var fresh = await LoadedInboxAsync();
        Assert.Single(await fresh.StoreAsync(Batch((second, 2), (third, 3))));
        Assert.Empty(await fresh.StoreAsync(Batch((second, 2), (third, 3))));

        Assert.Single(await Journal.FindByMessageIdAsync(second.MsgId), e => e.Type == EntryTypes.Received);
        Assert.Single(await Journal.FindByMessageIdAsync(third.MsgId), e => e.Type == EntryTypes.Received);
    }

    /// <summary>Two messages of DE's outbox lane, accepted at DE's stream versions 2 and 3 (an inbox row names its acceptance entry).</summary>
    private async Task<(Envelope Second, Envelope Third)> AcceptedAsync()
    {
        var (second, third) = (TestKeys.Signed("DE", ["FR"]), TestKeys.Signed("DE", ["FR"]));
        var appended = await Journal.AppendAsync(JournalStream.OfParticipant("DE"), 0,
            [new JournalEntry("note", [1]), .. new[] { second, third }.Select(e => new JournalEntry(EntryTypes.Accepted, EnvelopeCodec.Encode(e), e.MsgId))], []);
        Assert.IsType<AppendResult.Appended>(appended);
        return (second, third);
    }

    private static DeliveryBatch Batch(params (Envelope Envelope, long Acceptance)[] messages) =>
        new("DE", [.. messages.Select(m => m.Envelope)], AcceptanceSequences: [.. messages.Select(m => m.Acceptance)], Lane: messages[0].Envelope.PrecedenceAction);
}
