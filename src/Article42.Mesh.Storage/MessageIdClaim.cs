namespace Article42.Mesh.Storage;

public sealed record MessageIdClaim(string MessageId, string Owner, byte[] ContentHash, DateTimeOffset ClaimedAt);
