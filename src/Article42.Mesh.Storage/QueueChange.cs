namespace Article42.Mesh.Storage;

/// <summary>A change to a queue row, committed atomically with the append that carries it.</summary>
public abstract record QueueChange(string QueueId, long Sequence)
{
    /// <summary>Inserts the row, or replaces the row with the same (queue, sequence).</summary>
    public sealed record Upsert(QueuedEntry Entry) : QueueChange(Entry.QueueId, Entry.Sequence);

    /// <summary>Deletes the row if present.</summary>
    public sealed record Remove(string QueueId, long Sequence) : QueueChange(QueueId, Sequence);
}
