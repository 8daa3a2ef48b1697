namespace Article42.Mesh.Grains.Tests.Model;

/// <summary>
/// Two inboxes of one participant over one journal, as two activations hold them (issue #18, duplicate activations):
/// what one inbox knows only from its own stores must not hide what the other stored.
/// </summary>
public sealed class StaleInboxTests() : InboxesOverOneJournal("a42-stale-inbox-")
{
    /// <summary>
    /// The first inbox read every band to its end, then the second stored a message. A new consuming session used to
    /// trust what the first knew and be handed nothing, writing nothing, so the stale inbox was never fenced. A new
    /// session now checks the stream's fence first: the first inbox goes stale there.
    /// </summary>
    [Fact]
    public async Task A_new_session_reads_the_bands_a_duplicate_activation_stored_into()
    {
        var first = await LoadedInboxAsync();
        Assert.Empty(await first.FetchAsync(NewSession(), 10));
        var second = await LoadedInboxAsync();
        var stored = TestKeys.Signed("DE", ["FR"]);
        Assert.Single(await second.StoreAsync(new DeliveryBatch("DE", [stored])));

        await Assert.ThrowsAsync<StaleActivationException>(first.StartingSessionAsync);
        // The stale activation goes; the one that replaces it, loaded from the journal, hands the new session the message.
        var fresh = await LoadedInboxAsync();
        await fresh.StartingSessionAsync();
        Assert.Equal(stored.MsgId, Assert.Single(await fresh.FetchAsync(NewSession(), 10)).Envelope.MsgId);
    }

    private static Session NewSession() => new(Guid.NewGuid().ToString("N"), consuming: true, DateTimeOffset.UtcNow.AddHours(1));
}
