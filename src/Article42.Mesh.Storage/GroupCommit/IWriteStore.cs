namespace Article42.Mesh.Storage.GroupCommit;

/// <summary>A backend's half of group commit: run a whole group in one durable transaction.</summary>
internal interface IWriteStore
{
    /// <summary>
    /// Runs every write in one transaction, setting each one's result (or its own <see cref="PendingWrite.Error"/>),
    /// and returns only once that transaction is durable. Throws when the group as a whole failed.
    /// </summary>
    Task CommitAsync(IReadOnlyList<PendingWrite> group, DateTimeOffset now, CancellationToken cancellationToken);
}
