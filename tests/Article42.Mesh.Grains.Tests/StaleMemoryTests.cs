namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// An activation that holds its inbox in memory does not answer from it for ever once another activation wrote (issue
/// #18): a fetch that hands nothing checks the stream's version fence, and a stale activation fails the call with
/// <c>A42-SRV-001</c> and deactivates, so the gateway's retry reaches a fresh activation that reads the journal.
/// </summary>
public sealed class StaleMemoryTests(MeshClusterFixture mesh) : IClassFixture<MeshClusterFixture>
{
    [Fact]
    public async Task An_empty_fetch_of_an_activation_another_wrote_behind_fails_retryably_and_the_retry_hands_the_message()
    {
        var recipient = mesh.Gateway("LT");
        await recipient.OpenAsync();
        Assert.Empty(await recipient.FetchAsync());
        // Another activation of LT (a failover, a partition) stores a message: its received entry and inbox row, at the
        // stream's version, as Inbox.StoreAsync writes them; this activation's memory knows nothing of it.
        var message = TestKeys.Signed("LV", ["LT"]);
        var version = await mesh.Journal.GetVersionAsync("participant/LT");
        Assert.IsType<AppendResult.Appended>(await mesh.Journal.AppendAsync("participant/LT", version,
            [new JournalEntry("received", RecordJson.Encode(new ReceivedRecord("LV", version + 1, Precedence.Routine)), message.MsgId)],
            [new QueueChange.Upsert(new QueuedEntry("in/LT", version + 1, (int)Precedence.Routine, EnvelopeCodec.Encode(message), message.MsgId))]));

        var stale = await Assert.ThrowsAsync<MeshUnavailableException>(() => recipient.FetchAsync());

        Assert.Equal(ErrorCodes.MeshUnavailable, stale.Error.Code);
        await recipient.OpenAsync();
        Assert.Equal(message.MsgId, Assert.Single(await recipient.FetchAsync()).Envelope.MsgId);
    }
}
