namespace Article42.Mesh.Storage;

/// <summary>A grain's state as of <paramref name="Version"/>; the journal tail after it rebuilds the rest.</summary>
public sealed record Snapshot(long Version, byte[] State, DateTimeOffset Timestamp);
