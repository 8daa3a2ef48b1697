namespace Article42.Mesh.Storage;

/// <summary>An entry to append. Bytes are opaque: the journal never depends on the protocol's types.</summary>
public sealed record JournalEntry(string Type, byte[] Payload, string? MessageId = null);
