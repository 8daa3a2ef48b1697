namespace Article42.Mesh.Storage;

/// <summary>
/// A row of an inbox or outbox, addressed by (<paramref name="QueueId"/>, <paramref name="Sequence"/>) and kept
/// out of grain snapshots: it is fetched by query, so a backlog never has to be loaded whole. <paramref name="Origin"/>:
/// the journal entry that holds the row's payload (a message's acceptance, issue #18): such a row stores no copy of the
/// payload, and a read returns the origin entry's (the body is stored once, however many queues hold the message).
/// </summary>
public sealed record QueuedEntry(string QueueId, long Sequence, int Precedence, byte[] Payload, string? MessageId = null, EntryAddress? Origin = null)
{
    /// <summary>What the row itself stores as its payload: nothing when its origin entry holds it.</summary>
    internal byte[] StoredPayload => Origin is null ? Payload : [];

    /// <summary>Where this row sits in fetch order; pass it back as a cursor to fetch the next page.</summary>
    public QueuePosition Position => new(Precedence, Sequence);
}
