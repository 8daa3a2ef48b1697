namespace Article42.Mesh.Storage;

/// <summary>
/// A row of an inbox or outbox, addressed by (<paramref name="QueueId"/>, <paramref name="Sequence"/>) and kept
/// out of grain snapshots: it is fetched by query, so a backlog never has to be loaded whole.
/// </summary>
public sealed record QueuedEntry(string QueueId, long Sequence, int Precedence, byte[] Payload, string? MessageId = null)
{
    /// <summary>Where this row sits in fetch order; pass it back as a cursor to fetch the next page.</summary>
    public QueuePosition Position => new(Precedence, Sequence);
}
