using Article42.Mesh.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Article42.Mesh.Grains.Tests.Model;

/// <summary>
/// Two inboxes of one participant over one journal, as two activations hold them (issue #18, duplicate activations):
/// what one inbox knows only from its own stores must not hide what the other stored.
/// </summary>
public sealed class StaleInboxTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new("a42-stale-inbox-");
    private IMessageJournal _journal = null!;

    public async ValueTask InitializeAsync() =>
        _journal = await SqliteJournal.OpenAsync(new SqliteJournalOptions(_directory.File("journal.db")));

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

    private async Task<Inbox> LoadedInboxAsync()
    {
        var stream = new JournalStream(JournalStream.OfParticipant("FR"), _journal);
        await stream.LoadAsync();
        var inbox = new Inbox("FR", stream, _journal, new RegistryHolder(TestKeys.Registry), TimeProvider.System, NullLogger.Instance);
        await inbox.LoadAsync();
        return inbox;
    }

    private static Session NewSession() => new(Guid.NewGuid().ToString("N"), consuming: true, DateTimeOffset.UtcNow.AddHours(1));

    public async ValueTask DisposeAsync()
    {
        await _journal.DisposeAsync();
        _directory.Dispose();
    }
}
