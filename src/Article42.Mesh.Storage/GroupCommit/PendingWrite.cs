namespace Article42.Mesh.Storage.GroupCommit;

/// <summary>
/// A write waiting for the group-commit writer. The store fills in <see cref="Error"/> or a result while it runs
/// the group; the caller only hears about it once the whole group's transaction is durable.
/// </summary>
internal abstract class PendingWrite(CancellationToken cancellationToken)
{
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Set by a store when this write alone failed; the rest of its group still commits.</summary>
    public Exception? Error { get; set; }

    public virtual int EntryCount => 1;

    public abstract void Complete();

    public abstract void Fail(Exception error);

    public abstract void Cancel();
}
