namespace Article42.Mesh.Storage;

/// <summary>
/// An entry to append. Bytes are opaque: the journal never depends on the protocol's types. <paramref name="KeyId"/>:
/// the id of the public key that verified an accepted message (issue #21), and the same id on the recipient's received
/// entry of that message; null on every other entry.
/// </summary>
public sealed record JournalEntry(string Type, byte[] Payload, string? MessageId = null, string? KeyId = null);
