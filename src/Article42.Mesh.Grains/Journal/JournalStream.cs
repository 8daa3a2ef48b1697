namespace Article42.Mesh.Grains;

/// <summary>
/// One grain's journal stream. For a participant the version of an entry doubles as its sequence (outbox order,
/// inbox order), so the only state to load is the current version: activation costs one query whatever the
/// history. Appends are serialized inside the activation; a conflict means another activation wrote, and this one
/// must go.
/// </summary>
internal sealed class JournalStream(string streamId, IMessageJournal journal, Action? onStale = null)
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>
    /// Entries and queue changes waiting to ride on this stream's next write (<see cref="Ride"/>): records off the commit
    /// path (issue #18: the sender's delivery records), appended after the entries of whatever this activation writes next.
    /// </summary>
    private readonly List<(JournalEntry Entry, QueueChange Change)> _riders = [];

    /// <summary>Records waiting to ride on the next write.</summary>
    public int Riding => _riders.Count;

    /// <summary>
    /// Queues an entry and a queue change to be written with this stream's next write, after its own entries (so the
    /// versions the write's builder assigns are unchanged). Nothing is written now: a crash before that write loses
    /// them, so only records whose loss costs no correctness may ride (docs/design/architecture.md §4).
    /// </summary>
    public void Ride(JournalEntry entry, QueueChange change) => _riders.Add((entry, change));

    /// <summary>The stream of a participant's mailbox.</summary>
    public static string OfParticipant(string participant) => $"participant/{participant}";

    /// <summary>The participant whose mailbox <paramref name="streamId"/> is (<see cref="OfParticipant"/> read back).</summary>
    public static string ParticipantOf(string streamId) => streamId["participant/".Length..];

    public string StreamId { get; } = streamId;
    public long Version { get; private set; }

    public async Task LoadAsync() => Version = await journal.GetVersionAsync(StreamId);

    /// <summary>
    /// Appends what <paramref name="build"/> makes from the version before the append (entry i gets version
    /// <c>before + i + 1</c>); the queue changes commit in the same transaction. Returns the version before and the
    /// time the entries were stored with (their <see cref="StoredEntry.Timestamp"/>; null when there was nothing to append).
    /// </summary>
    public async Task<(long Before, DateTimeOffset? At)> AppendAsync(Func<long, (IReadOnlyList<JournalEntry> Entries, IReadOnlyList<QueueChange> Changes)> build)
    {
        await _writer.WaitAsync();
        try
        {
            var before = Version;
            var (entries, changes, riding) = WithRiders(build(before));
            if (entries.Count == 0 && changes.Count == 0)
                return (before, null);
            switch (await journal.AppendAsync(StreamId, before, entries, changes))
            {
                case AppendResult.Appended appended:
                    Version = appended.NewVersion;
                    _riders.RemoveRange(0, riding);
                    return (before, appended.At);
                case AppendResult.Conflict conflict:
                    onStale?.Invoke();
                    throw new StaleActivationException(StreamId, conflict.Expected, conflict.Actual);
                default:
                    throw new InvalidOperationException("unknown append result");
            }
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>
    /// <see cref="AppendAsync"/> that also claims <paramref name="messageId"/> for <paramref name="owner"/> and
    /// <paramref name="contentHash"/>, in the same journal write: when the id is already held nothing is appended
    /// and the claim outcome says by whom (<see cref="ClaimResult.AlreadyClaimed"/> or <see cref="ClaimResult.Refused"/>).
    /// </summary>
    public async Task<(ClaimResult Claim, long Before, DateTimeOffset? At)> ClaimAndAppendAsync(
        string messageId, string owner, byte[] contentHash, Func<long, (IReadOnlyList<JournalEntry> Entries, IReadOnlyList<QueueChange> Changes)> build)
    {
        await _writer.WaitAsync();
        try
        {
            var before = Version;
            var (entries, changes, riding) = WithRiders(build(before));
            switch (await journal.ClaimAndAppendAsync(messageId, owner, contentHash, StreamId, before, entries, changes))
            {
                case ClaimedAppendResult.Appended appended:
                    Version = appended.NewVersion;
                    _riders.RemoveRange(0, riding);
                    return (new ClaimResult.Claimed(appended.Claim), before, appended.At);
                case ClaimedAppendResult.NotClaimed notClaimed:
                    return (notClaimed.Claim, before, null);
                case ClaimedAppendResult.Conflict conflict:
                    onStale?.Invoke();
                    throw new StaleActivationException(StreamId, conflict.Expected, conflict.Actual);
                default:
                    throw new InvalidOperationException("unknown append result");
            }
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>The write's own entries and changes, then every rider (their count: removed once the write committed).</summary>
    private (IReadOnlyList<JournalEntry> Entries, IReadOnlyList<QueueChange> Changes, int Riding) WithRiders((IReadOnlyList<JournalEntry> Entries, IReadOnlyList<QueueChange> Changes) own)
    {
        if (_riders.Count == 0)
            return (own.Entries, own.Changes, 0);
        return ([.. own.Entries, .. _riders.Select(r => r.Entry)], [.. own.Changes, .. _riders.Select(r => r.Change)], _riders.Count);
    }

    /// <summary>Writes whatever rides, in a write of its own (the idle checkpoint; nothing when nothing rides).</summary>
    public Task CheckpointAsync() => AppendAsync(_ => ([], []));

    /// <summary>
    /// The version fence checked without a write (issue #18): when the journal's version is not the one this activation
    /// last wrote, another activation wrote meanwhile, so whatever this one holds in memory is stale: it deactivates and
    /// the call fails (<see cref="StaleActivationException"/>), as a conflicting append does.
    /// </summary>
    public async Task CheckFenceAsync()
    {
        await _writer.WaitAsync();
        try
        {
            var actual = await journal.GetVersionAsync(StreamId);
            if (actual == Version)
                return;
            onStale?.Invoke();
            throw new StaleActivationException(StreamId, Version, actual);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Entries after <paramref name="afterVersion"/>, in order.</summary>
    public IAsyncEnumerable<StoredEntry> ReadAfter(long afterVersion) => journal.ReadStreamAsync(StreamId, afterVersion + 1);
}
