using Article42.Mesh.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Article42.Mesh.Grains.Tests.Model;

/// <summary>
/// A throwaway SQLite journal and FR's inbox over it, loaded as each new activation loads it: two inboxes from
/// <see cref="LoadedInboxAsync"/> are two activations of one participant over one journal (issue #18, duplicate
/// activations).
/// </summary>
public abstract class InboxesOverOneJournal(string directoryPrefix) : IAsyncLifetime
{
    private readonly TempDirectory _directory = new(directoryPrefix);

    protected IMessageJournal Journal { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Journal = await SqliteJournal.OpenAsync(new SqliteJournalOptions(_directory.File("journal.db")));

    /// <summary>FR's inbox as a fresh activation has it: its stream and the inbox loaded from the journal.</summary>
    private protected async Task<Inbox> LoadedInboxAsync()
    {
        var stream = new JournalStream(JournalStream.OfParticipant("FR"), Journal);
        await stream.LoadAsync();
        var inbox = new Inbox("FR", stream, Journal, new RegistryHolder(TestKeys.Registry), TimeProvider.System, NullLogger.Instance);
        await inbox.LoadAsync();
        return inbox;
    }

    public async ValueTask DisposeAsync()
    {
        await Journal.DisposeAsync();
        _directory.Dispose();
        GC.SuppressFinalize(this);
    }
}
