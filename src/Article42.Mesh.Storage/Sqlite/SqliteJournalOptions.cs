namespace Article42.Mesh.Storage.Sqlite;

/// <summary>Where the embedded journal lives and how hard it waits for the disk.</summary>
public sealed record SqliteJournalOptions(string Path)
{
    public SqliteSynchronous Synchronous { get; init; } = SqliteSynchronous.Full;

    /// <summary>Rows one group commit may carry before the next writes wait for the next transaction.</summary>
    public int MaxGroupRows { get; init; } = 10_000;
}
