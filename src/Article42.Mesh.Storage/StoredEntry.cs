namespace Article42.Mesh.Storage;

/// <summary>
/// An entry as stored: its stream, its version (1-based, contiguous), when it was appended and, for an accepted
/// message, the id of the key that verified it (<see cref="JournalEntry.KeyId"/>).
/// </summary>
public sealed record StoredEntry(
    string StreamId,
    long Version,
    string Type,
    byte[] Payload,
    string? MessageId,
    DateTimeOffset Timestamp,
    string? KeyId = null);
