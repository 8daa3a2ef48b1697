using System.Collections.Concurrent;
using Article42.Mesh.Storage;

namespace Article42.Mesh.TestKit;

/// <summary>
/// A decorator of the journal contract that can hold chosen appends at a gate until the test releases them (a stage of
/// the delivery path made slow on purpose), and records every append that committed, in commit order: what a test needs
/// to see which message passed which stage first. The journal it wraps stays its owner's: disposing the decorator does
/// nothing.
/// </summary>
public sealed class GatedJournal(IMessageJournal inner) : IMessageJournal
{
    private readonly ConcurrentQueue<(string StreamId, JournalEntry Entry)> _committed = new();
    private Func<string, IReadOnlyList<JournalEntry>, bool> _holds = (_, _) => false;
    private TaskCompletionSource _open = OpenGate();
    private int _waiting;

    /// <summary>Appends waiting at the gate now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Every entry whose append committed, in commit order (exact within a stream, whose appends are serial).</summary>
    public IReadOnlyList<(string StreamId, JournalEntry Entry)> Committed => [.. _committed];

    /// <summary>From now on the appends <paramref name="holds"/> picks (stream id, entries) wait until <see cref="Release"/>.</summary>
    public void Hold(Func<string, IReadOnlyList<JournalEntry>, bool> holds)
    {
        _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _holds = holds;
    }

    /// <summary>Lets every held append through, in the order they arrived at the gate, and holds nothing more.</summary>
    public void Release()
    {
        _holds = (_, _) => false;
        _open.TrySetResult();
    }

    public JournalStatistics Statistics => inner.Statistics;

    public async ValueTask<AppendResult> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<JournalEntry> entries, IReadOnlyList<QueueChange>? queueChanges = null, CancellationToken cancellationToken = default)
    {
        if (_holds(streamId, entries))
        {
            Interlocked.Increment(ref _waiting);
            try
            {
                await _open.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }
        var result = await inner.AppendAsync(streamId, expectedVersion, entries, queueChanges, cancellationToken).ConfigureAwait(false);
        if (result is AppendResult.Appended)
        {
            foreach (var entry in entries)
                _committed.Enqueue((streamId, entry));
        }
        return result;
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

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static TaskCompletionSource OpenGate()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}
