namespace Article42.Mesh.Storage;

/// <summary>
/// The message journal: per-stream append-only entries with optimistic concurrency, snapshots, queue rows
/// fetched by query, and a message-id index. Every write is acknowledged only once its transaction is durable;
/// writes arriving together share one transaction (group commit).
/// </summary>
public interface IMessageJournal : IAsyncDisposable
{
    /// <summary>
    /// Appends <paramref name="entries"/> at <paramref name="expectedVersion"/> (0 for a new stream) and applies
    /// <paramref name="queueChanges"/> in the same transaction, or nothing at all when the version is stale.
    /// </summary>
    ValueTask<AppendResult> AppendAsync(
        string streamId,
        long expectedVersion,
        IReadOnlyList<JournalEntry> entries,
        IReadOnlyList<QueueChange>? queueChanges = null,
        CancellationToken cancellationToken = default);

    /// <summary>Entries of a stream with version &gt;= <paramref name="fromVersion"/>, in version order.</summary>
    IAsyncEnumerable<StoredEntry> ReadStreamAsync(string streamId, long fromVersion = 1, CancellationToken cancellationToken = default);

    /// <summary>The stream's current version; 0 when it has no entries.</summary>
    ValueTask<long> GetVersionAsync(string streamId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="max"/> ids of streams with at least one entry that start with <paramref name="prefix"/>, in
    /// ordinal order (an operator's listing, e.g. every <c>activation/</c>; one row per stream is read, not the entries).
    /// </summary>
    ValueTask<IReadOnlyList<string>> ListStreamsAsync(string prefix, int max, CancellationToken cancellationToken = default);

    /// <summary>Keeps the snapshot unless a newer one (higher version) is already stored.</summary>
    ValueTask SaveSnapshotAsync(string streamId, long version, byte[] state, CancellationToken cancellationToken = default);

    ValueTask<Snapshot?> LoadSnapshotAsync(string streamId, CancellationToken cancellationToken = default);

    /// <summary>
    /// At most <paramref name="max"/> queue rows, highest precedence first, then lowest sequence; strictly after
    /// <paramref name="after"/> in that order when given. Served by an index: cost does not grow with the queue.
    /// </summary>
    ValueTask<IReadOnlyList<QueuedEntry>> FetchQueuedAsync(
        string queueId, int max, QueuePosition? after = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// At most <paramref name="max"/> rows of one precedence band, by sequence, strictly after
    /// <paramref name="afterSequence"/>: a reader that keeps a cursor per band reads no row of the other bands.
    /// </summary>
    ValueTask<IReadOnlyList<QueuedEntry>> FetchQueuedInBandAsync(
        string queueId, int precedence, long afterSequence, int max, CancellationToken cancellationToken = default);

    /// <summary>How many rows a queue holds (an inbox's backlog), counted over the queue's index range.</summary>
    ValueTask<long> CountQueuedAsync(string queueId, CancellationToken cancellationToken = default);

    ValueTask<QueuedEntry?> GetQueuedAsync(string queueId, long sequence, CancellationToken cancellationToken = default);

    /// <summary>Records <paramref name="owner"/> as the only owner of <paramref name="messageId"/>, for ever.</summary>
    ValueTask<ClaimResult> ClaimMessageIdAsync(
        string messageId, string owner, byte[] contentHash, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="ClaimMessageIdAsync"/> and <see cref="AppendAsync"/> as one write (issue #18): the append happens
    /// only when the claim is new, and the claim only when the append happens. A store answers both in one transaction;
    /// the default (for decorators) runs them in turn, as two writes.
    /// </summary>
    async ValueTask<ClaimedAppendResult> ClaimAndAppendAsync(
        string messageId,
        string owner,
        byte[] contentHash,
        string streamId,
        long expectedVersion,
        IReadOnlyList<JournalEntry> entries,
        IReadOnlyList<QueueChange>? queueChanges = null,
        CancellationToken cancellationToken = default)
    {
        var claimed = await ClaimMessageIdAsync(messageId, owner, contentHash, cancellationToken).ConfigureAwait(false);
        if (claimed is not ClaimResult.Claimed held)
            return new ClaimedAppendResult.NotClaimed(claimed);
        return await AppendAsync(streamId, expectedVersion, entries, queueChanges, cancellationToken).ConfigureAwait(false) switch
        {
            AppendResult.Appended appended => new ClaimedAppendResult.Appended(held.Claim, appended.NewVersion, appended.At),
            AppendResult.Conflict conflict => new ClaimedAppendResult.Conflict(conflict.Expected, conflict.Actual),
            _ => throw new InvalidOperationException("unknown append result"),
        };
    }

    /// <summary>Every journal entry that mentions <paramref name="messageId"/>, across all streams.</summary>
    ValueTask<IReadOnlyList<StoredEntry>> FindByMessageIdAsync(string messageId, CancellationToken cancellationToken = default);

    /// <summary>Counters of the group-commit writer, for metrics and tests.</summary>
    JournalStatistics Statistics { get; }
}
