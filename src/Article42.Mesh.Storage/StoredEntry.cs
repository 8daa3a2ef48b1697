namespace Article42.Mesh.Storage;

/// <summary>An entry as stored: its stream, its version (1-based, contiguous) and when it was appended.</summary>
public sealed record StoredEntry(
    string StreamId,
    long Version,
    string Type,
    byte[] Payload,
    string? MessageId,
    DateTimeOffset Timestamp);
