namespace Article42.Mesh.Grains;

/// <summary>
/// The key id recorded with each message's acceptance (issue #21), on its way to the recipient's gateway: the sender's
/// outbox passes it with each delivery, the recipient's inbox stores it on the message's received entry and hands it
/// out with the message. Remembered for the last <c>capacity</c> messages, so steady traffic costs no read; a message
/// older than that (after a reactivation, a long backlog) reads its own entry of <paramref name="entryType"/> once.
/// </summary>
internal sealed class RecordedKeyIds(JournalStream stream, IMessageJournal journal, string entryType, int capacity = 4096)
{
    private readonly Dictionary<string, string?> _ids = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public void Record(string messageId, string? keyId)
    {
        if (_ids.TryAdd(messageId, keyId))
        {
            _order.Enqueue(messageId);
            if (_order.Count > capacity)
                _ids.Remove(_order.Dequeue());
        }
    }

    /// <summary>The key id recorded for <paramref name="messageId"/>; null when none was (an entry of before issue #21).</summary>
    public async ValueTask<string?> OfAsync(string messageId)
    {
        if (_ids.TryGetValue(messageId, out var known))
            return known;
        var entry = (await journal.FindByMessageIdAsync(messageId)).FirstOrDefault(e => e.StreamId == stream.StreamId && e.Type == entryType);
        Record(messageId, entry?.KeyId);
        return entry?.KeyId;
    }
}
