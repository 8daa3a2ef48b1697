using Article42.Mesh.Storage;

namespace Article42.Mesh.Faults.Cluster;

/// <summary>
/// A journal that loses one accepted message copy in <see cref="OneIn"/>: the append that stores a delivery in a
/// recipient's inbox commits its entries (the delivery is recorded and reported) but not the inbox row, so the message
/// is never handed. Only the suite's lossy silo host uses it, to show that the checker goes red (issue 20, step 6).
/// </summary>
public sealed class LossyJournal(IMessageJournal inner, int oneIn) : IMessageJournal
{
    /// <summary>The setting the lossy silo host reads (a silo refuses every <c>Faults:*</c> key, A42-CFG-018).</summary>
    public const string Setting = "Faults:LoseOneAcknowledgedIn";

    /// <summary>Inbox queues, as the grains name them (<c>in/{participant}</c>).</summary>
    private const string InboxPrefix = "in/";

    private int _inboxRows;

    public int OneIn { get; } = oneIn >= 2 ? oneIn : throw new ArgumentOutOfRangeException(nameof(oneIn), oneIn, "lose one in at least 2");

    public JournalStatistics Statistics => inner.Statistics;

    public ValueTask<AppendResult> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<JournalEntry> entries, IReadOnlyList<QueueChange>? queueChanges = null, CancellationToken cancellationToken = default) =>
        inner.AppendAsync(streamId, expectedVersion, entries, queueChanges is null ? null : [.. queueChanges.Where(Keep)], cancellationToken);

    private bool Keep(QueueChange change)
    {
        if (change is not QueueChange.Upsert || !change.QueueId.StartsWith(InboxPrefix, StringComparison.Ordinal))
            return true;
        return Interlocked.Increment(ref _inboxRows) % OneIn != 0;
    }

    public IAsyncEnumerable<StoredEntry> ReadStreamAsync(string streamId, long fromVersion = 1, CancellationToken cancellationToken = default) =>
        inner.ReadStreamAsync(streamId, fromVersion, cancellationToken);

    public ValueTask<long> GetVersionAsync(string streamId, CancellationToken cancellationToken = default) => inner.GetVersionAsync(streamId, cancellationToken);

    public ValueTask<IReadOnlyList<string>> ListStreamsAsync(string prefix, int max, CancellationToken cancellationToken = default) =>
        inner.ListStreamsAsync(prefix, max, cancellationToken);

    public ValueTask SaveSnapshotAsync(string streamId, long version, byte[] state, CancellationToken cancellationToken = default) =>
        inner.SaveSnapshotAsync(streamId, version, state, cancellationToken);

    public ValueTask<Snapshot?> LoadSnapshotAsync(string streamId, CancellationToken cancellationToken = default) => inner.LoadSnapshotAsync(streamId, cancellationToken);

    public ValueTask<IReadOnlyList<QueuedEntry>> FetchQueuedAsync(string queueId, int max, QueuePosition? after = null, CancellationToken cancellationToken = default) =>
        inner.FetchQueuedAsync(queueId, max, after, cancellationToken);

    public ValueTask<IReadOnlyList<QueuedEntry>> FetchQueuedInBandAsync(string queueId, int precedence, long afterSequence, int max, CancellationToken cancellationToken = default) =>
        inner.FetchQueuedInBandAsync(queueId, precedence, afterSequence, max, cancellationToken);

    public ValueTask<long> CountQueuedAsync(string queueId, CancellationToken cancellationToken = default) => inner.CountQueuedAsync(queueId, cancellationToken);

    public ValueTask<QueuedEntry?> GetQueuedAsync(string queueId, long sequence, CancellationToken cancellationToken = default) =>
        inner.GetQueuedAsync(queueId, sequence, cancellationToken);

    public ValueTask<ClaimResult> ClaimMessageIdAsync(string messageId, string owner, byte[] contentHash, CancellationToken cancellationToken = default) =>
        inner.ClaimMessageIdAsync(messageId, owner, contentHash, cancellationToken);

    public ValueTask<IReadOnlyList<StoredEntry>> FindByMessageIdAsync(string messageId, CancellationToken cancellationToken = default) =>
        inner.FindByMessageIdAsync(messageId, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
