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
        Assert.Single(await second.StoreAsync(new DeliveryBatch("DE", [TestKeys.Signed("DE", ["FR"])])));

        await Assert.ThrowsAsync<StaleActivationException>(first.StartingSessionAsync);
    }

    private static Session NewSession() => new(Guid.NewGuid().ToString("N"), consuming: true, DateTimeOffset.UtcNow.AddHours(1));
}
