namespace Article42.Mesh.Storage;

/// <summary>Where a journal entry is: its stream and its version there (a message's acceptance, for a queue row's body).</summary>
public sealed record EntryAddress(string StreamId, long Version);
