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

    /// <summary>The stream of a participant's mailbox.</summary>
    public static string OfParticipant(string participant) => $"participant/{participant}";

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
            var (entries, changes) = build(before);
            if (entries.Count == 0 && changes.Count == 0)
                return (before, null);
            switch (await journal.AppendAsync(StreamId, before, entries, changes))
            {
                case AppendResult.Appended appended:
                    Version = appended.NewVersion;
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
            var (entries, changes) = build(before);
            switch (await journal.ClaimAndAppendAsync(messageId, owner, contentHash, StreamId, before, entries, changes))
            {
                case ClaimedAppendResult.Appended appended:
                    Version = appended.NewVersion;
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

    /// <summary>
    /// Asks the journal whether another activation wrote to the stream since this one last did, and if so goes stale as a
    /// conflicting append would. A call that writes nothing is fenced by no version: an answer made from this
    /// activation's own knowledge alone (a fetch that hands nothing) checks here first (issue #18). Under the writer's
    /// lock, so an append of this activation cannot commit between the read and the comparison.
    /// </summary>
    public async Task ConfirmCurrentAsync()
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
