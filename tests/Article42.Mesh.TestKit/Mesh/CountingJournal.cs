using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Article42.Mesh.Storage;

namespace Article42.Mesh.TestKit;

/// <summary>
/// A decorator of the journal contract that counts every call by operation and stream (or queue), and the entries
/// and rows each read returned, so a test can assert the journal work of a piece of traffic, reads included. The
/// journal it wraps stays its owner's: disposing the decorator does nothing.
/// </summary>
public sealed class CountingJournal(IMessageJournal inner) : IMessageJournal
{
    private readonly ConcurrentDictionary<(string Operation, string Id), long> _calls = new();
    private readonly ConcurrentDictionary<(string Operation, string Id), long> _rowsRead = new();
    private long _bodyWrites;

    /// <summary>
    /// A payload the journal stores of at least this many bytes counts as a message body: the records the mesh writes
    /// beside a message (reports, inbox records, receipt rows) are JSON of well under 200 bytes, a signed envelope is
    /// larger (a test asserts that of its own). A queue row naming its origin entry stores no payload (issue #18).
    /// </summary>
    public const int BodyBytes = 512;

    public IMessageJournal Inner => inner;

    /// <summary>
    /// Waits until no journal call has been made for <paramref name="quiet"/>: the work a silo does once at start
    /// (each participant's pump and inbox looking at its queue) is over, and what is counted next is the traffic's.
    /// </summary>
    public Task QuietAsync(TimeSpan quiet, TimeSpan within)
    {
        var last = Work().ToString();
        var since = TimeProvider.System.GetTimestamp();
        return Deadline.UntilAsync(async () =>
        {
            var now = Work().ToString();
            if (now != last)
                (last, since) = (now, TimeProvider.System.GetTimestamp());
            else if (TimeProvider.System.GetElapsedTime(since) >= quiet)
                return true;
            await Task.Delay(TimeSpan.FromMilliseconds(50)).ConfigureAwait(false);
            return false;
        }, within, $"the journal to be idle for {quiet.TotalSeconds:0.#} s");
    }

    public JournalStatistics Statistics => inner.Statistics;

    /// <summary>The counters now; subtract two to get the work in between.</summary>
    public JournalWork Work(Func<string, string, bool>? exclude = null)
    {
        bool Included(KeyValuePair<(string Operation, string Id), long> pair) => exclude is null || !exclude(pair.Key.Operation, pair.Key.Id);
        var calls = _calls.Where(Included).ToList();
        var statistics = inner.Statistics;
        return new JournalWork(
            statistics.Transactions,
            statistics.Rows,
            calls.Where(c => IsWrite(c.Key.Operation)).Sum(c => c.Value),
            calls.Where(c => !IsWrite(c.Key.Operation)).Sum(c => c.Value),
            _rowsRead.Where(Included).Sum(r => r.Value),
            calls.GroupBy(c => c.Key.Operation).ToDictionary(g => g.Key, g => g.Sum(c => c.Value)),
            Interlocked.Read(ref _bodyWrites));
    }

    public ValueTask<AppendResult> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<JournalEntry> entries, IReadOnlyList<QueueChange>? queueChanges = null, CancellationToken cancellationToken = default)
    {
        CountBody(entries, queueChanges);
        return Call(nameof(AppendAsync), streamId, inner.AppendAsync(streamId, expectedVersion, entries, queueChanges, cancellationToken));
    }

    public async IAsyncEnumerable<StoredEntry> ReadStreamAsync(string streamId, long fromVersion = 1, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Count(nameof(ReadStreamAsync), streamId);
        await foreach (var entry in inner.ReadStreamAsync(streamId, fromVersion, cancellationToken).ConfigureAwait(false))
        {
            Read(nameof(ReadStreamAsync), streamId, 1);
            yield return entry;
        }
    }

    public ValueTask<long> GetVersionAsync(string streamId, CancellationToken cancellationToken = default) =>
        Call(nameof(GetVersionAsync), streamId, inner.GetVersionAsync(streamId, cancellationToken));

    public async ValueTask<IReadOnlyList<string>> ListStreamsAsync(string prefix, int max, CancellationToken cancellationToken = default)
    {
        var streams = await Call(nameof(ListStreamsAsync), prefix, inner.ListStreamsAsync(prefix, max, cancellationToken)).ConfigureAwait(false);
        Read(nameof(ListStreamsAsync), prefix, streams.Count);
        return streams;
    }

    public async ValueTask SaveSnapshotAsync(string streamId, long version, byte[] state, CancellationToken cancellationToken = default)
    {
        Count(nameof(SaveSnapshotAsync), streamId);
        await inner.SaveSnapshotAsync(streamId, version, state, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<Snapshot?> LoadSnapshotAsync(string streamId, CancellationToken cancellationToken = default) =>
        Call(nameof(LoadSnapshotAsync), streamId, inner.LoadSnapshotAsync(streamId, cancellationToken));

    public async ValueTask<IReadOnlyList<QueuedEntry>> FetchQueuedAsync(string queueId, int max, QueuePosition? after = null, CancellationToken cancellationToken = default)
    {
        var rows = await Call(nameof(FetchQueuedAsync), queueId, inner.FetchQueuedAsync(queueId, max, after, cancellationToken)).ConfigureAwait(false);
        Read(nameof(FetchQueuedAsync), queueId, rows.Count);
        return rows;
    }

    public async ValueTask<IReadOnlyList<QueuedEntry>> FetchQueuedInBandAsync(string queueId, int precedence, long afterSequence, int max, CancellationToken cancellationToken = default)
    {
        var rows = await Call(nameof(FetchQueuedInBandAsync), queueId, inner.FetchQueuedInBandAsync(queueId, precedence, afterSequence, max, cancellationToken)).ConfigureAwait(false);
        Read(nameof(FetchQueuedInBandAsync), queueId, rows.Count);
        return rows;
    }

    public ValueTask<long> CountQueuedAsync(string queueId, CancellationToken cancellationToken = default) =>
        Call(nameof(CountQueuedAsync), queueId, inner.CountQueuedAsync(queueId, cancellationToken));

    public ValueTask<QueuedEntry?> GetQueuedAsync(string queueId, long sequence, CancellationToken cancellationToken = default) =>
        Call(nameof(GetQueuedAsync), queueId, inner.GetQueuedAsync(queueId, sequence, cancellationToken));

    public ValueTask<ClaimedAppendResult> ClaimAndAppendAsync(string messageId, string owner, byte[] contentHash, string streamId, long expectedVersion, IReadOnlyList<JournalEntry> entries, IReadOnlyList<QueueChange>? queueChanges = null, CancellationToken cancellationToken = default)
    {
        CountBody(entries, queueChanges);
        return Call(nameof(ClaimAndAppendAsync), streamId, inner.ClaimAndAppendAsync(messageId, owner, contentHash, streamId, expectedVersion, entries, queueChanges, cancellationToken));
    }

    public ValueTask<ClaimResult> ClaimMessageIdAsync(string messageId, string owner, byte[] contentHash, CancellationToken cancellationToken = default) =>
        Call(nameof(ClaimMessageIdAsync), owner, inner.ClaimMessageIdAsync(messageId, owner, contentHash, cancellationToken));

    public async ValueTask<IReadOnlyList<StoredEntry>> FindByMessageIdAsync(string messageId, CancellationToken cancellationToken = default)
    {
        var entries = await Call(nameof(FindByMessageIdAsync), messageId, inner.FindByMessageIdAsync(messageId, cancellationToken)).ConfigureAwait(false);
        Read(nameof(FindByMessageIdAsync), messageId, entries.Count);
        return entries;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Counts a write that stores a body: an entry's payload, or a queue row's own (one without an origin).</summary>
    private void CountBody(IReadOnlyList<JournalEntry> entries, IReadOnlyList<QueueChange>? changes)
    {
        var rows = changes?.OfType<QueueChange.Upsert>().Select(u => u.Entry).Where(e => e.Origin is null) ?? [];
        if (entries.Any(e => e.Payload.Length >= BodyBytes) || rows.Any(e => e.Payload.Length >= BodyBytes))
            Interlocked.Increment(ref _bodyWrites);
    }

    private static bool IsWrite(string operation) => operation is nameof(AppendAsync) or nameof(SaveSnapshotAsync) or nameof(ClaimMessageIdAsync) or nameof(ClaimAndAppendAsync);

    private ValueTask<T> Call<T>(string operation, string id, ValueTask<T> call)
    {
        Count(operation, id);
        return call;
    }

    private void Count(string operation, string id) => _calls.AddOrUpdate((operation, id), 1, (_, n) => n + 1);

    private void Read(string operation, string id, long rows) => _rowsRead.AddOrUpdate((operation, id), rows, (_, n) => n + rows);
}
