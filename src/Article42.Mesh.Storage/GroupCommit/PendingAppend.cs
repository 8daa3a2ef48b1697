namespace Article42.Mesh.Storage.GroupCommit;

internal sealed class PendingAppend : PendingWrite<AppendResult>
{
    public PendingAppend(
        string streamId,
        long expectedVersion,
        IReadOnlyList<JournalEntry> entries,
        IReadOnlyList<QueueChange>? queueChanges,
        CancellationToken cancellationToken)
        : base(cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry, nameof(entries));
            ArgumentException.ThrowIfNullOrEmpty(entry.Type, nameof(entries));
            ArgumentNullException.ThrowIfNull(entry.Payload, nameof(entries));
        }

        StreamId = streamId;
        ExpectedVersion = expectedVersion;
        Entries = [.. entries];
        (Upserts, Removals) = Collapse(queueChanges ?? []);
    }

    public string StreamId { get; }

    public long ExpectedVersion { get; }

    public IReadOnlyList<JournalEntry> Entries { get; }

    public IReadOnlyList<QueuedEntry> Upserts { get; }

    public IReadOnlyList<QueueChange.Remove> Removals { get; }

    public override int EntryCount => Math.Max(1, Entries.Count + Upserts.Count + Removals.Count);

    // The last change to a row wins, so a store can apply upserts and removals as two sets
    // (PostgreSQL refuses to touch one row twice in a statement).
    private static (IReadOnlyList<QueuedEntry>, IReadOnlyList<QueueChange.Remove>) Collapse(IReadOnlyList<QueueChange> changes)
    {
        var last = new Dictionary<(string, long), QueueChange>();
        foreach (var change in changes)
        {
            ArgumentNullException.ThrowIfNull(change, nameof(changes));
            ArgumentException.ThrowIfNullOrEmpty(change.QueueId, nameof(changes));
            if (change is QueueChange.Upsert upsert)
            {
                ArgumentNullException.ThrowIfNull(upsert.Entry.Payload, nameof(changes));
            }

            last[(change.QueueId, change.Sequence)] = change;
        }

        return ([.. last.Values.OfType<QueueChange.Upsert>().Select(u => u.Entry)],
                [.. last.Values.OfType<QueueChange.Remove>()]);
    }
}
