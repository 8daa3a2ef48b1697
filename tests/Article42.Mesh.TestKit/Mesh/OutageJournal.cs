using System.Runtime.CompilerServices;
using Article42.Mesh.Storage;
using Npgsql;

namespace Article42.Mesh.TestKit;

/// <summary>
/// A decorator of the journal contract whose database can be taken down and brought back: while <see cref="Down"/>,
/// every call throws the <see cref="NpgsqlException"/> a PostgreSQL restart gives the mesh (a type no client can
/// deserialize); <see cref="Failures"/> counts them. The journal it wraps stays its owner's.
/// </summary>
public sealed class OutageJournal(IMessageJournal inner) : IMessageJournal
{
    private int _down;
    private long _failures;

    /// <summary>True while the database is down.</summary>
    public bool Down
    {
        get => Volatile.Read(ref _down) == 1;
        set => Volatile.Write(ref _down, value ? 1 : 0);
    }

    /// <summary>How many calls failed because the database was down.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    public JournalStatistics Statistics => inner.Statistics;

    public ValueTask<AppendResult> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<JournalEntry> entries, IReadOnlyList<QueueChange>? queueChanges = null, CancellationToken cancellationToken = default) =>
        Up(() => inner.AppendAsync(streamId, expectedVersion, entries, queueChanges, cancellationToken));

    public async IAsyncEnumerable<StoredEntry> ReadStreamAsync(string streamId, long fromVersion = 1, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        await foreach (var entry in inner.ReadStreamAsync(streamId, fromVersion, cancellationToken).ConfigureAwait(false))
            yield return entry;
    }

    public ValueTask<long> GetVersionAsync(string streamId, CancellationToken cancellationToken = default) =>
        Up(() => inner.GetVersionAsync(streamId, cancellationToken));

    public ValueTask<IReadOnlyList<string>> ListStreamsAsync(string prefix, int max, CancellationToken cancellationToken = default) =>
        Up(() => inner.ListStreamsAsync(prefix, max, cancellationToken));

    public ValueTask SaveSnapshotAsync(string streamId, long version, byte[] state, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        return inner.SaveSnapshotAsync(streamId, version, state, cancellationToken);
    }

    public ValueTask<Snapshot?> LoadSnapshotAsync(string streamId, CancellationToken cancellationToken = default) =>
        Up(() => inner.LoadSnapshotAsync(streamId, cancellationToken));

    public ValueTask<IReadOnlyList<QueuedEntry>> FetchQueuedAsync(string queueId, int max, QueuePosition? after = null, CancellationToken cancellationToken = default) =>
        Up(() => inner.FetchQueuedAsync(queueId, max, after, cancellationToken));

    public ValueTask<IReadOnlyList<QueuedEntry>> FetchQueuedInBandAsync(string queueId, int precedence, long afterSequence, int max, CancellationToken cancellationToken = default) =>
        Up(() => inner.FetchQueuedInBandAsync(queueId, precedence, afterSequence, max, cancellationToken));

    public ValueTask<long> CountQueuedAsync(string queueId, CancellationToken cancellationToken = default) =>
        Up(() => inner.CountQueuedAsync(queueId, cancellationToken));

    public ValueTask<QueuedEntry?> GetQueuedAsync(string queueId, long sequence, CancellationToken cancellationToken = default) =>
        Up(() => inner.GetQueuedAsync(queueId, sequence, cancellationToken));

    public ValueTask<ClaimResult> ClaimMessageIdAsync(string messageId, string owner, byte[] contentHash, CancellationToken cancellationToken = default) =>
        Up(() => inner.ClaimMessageIdAsync(messageId, owner, contentHash, cancellationToken));

    public ValueTask<IReadOnlyList<StoredEntry>> FindByMessageIdAsync(string messageId, CancellationToken cancellationToken = default) =>
        Up(() => inner.FindByMessageIdAsync(messageId, cancellationToken));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private ValueTask<T> Up<T>(Func<ValueTask<T>> call)
    {
        ThrowIfDown();
        return call();
    }

    private void ThrowIfDown()
    {
        if (!Down)
            return;
        Interlocked.Increment(ref _failures);
        throw new NpgsqlException("Exception while reading from stream", new EndOfStreamException("the server closed the connection (PostgreSQL restarting)"));
    }
}
