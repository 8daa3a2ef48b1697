namespace Article42.Mesh.Storage.GroupCommit;

internal abstract class PendingWrite<T>(CancellationToken cancellationToken) : PendingWrite(cancellationToken)
{
    // Continuations run off the writer loop, so a slow caller never holds up the next group.
    private readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<T> Task => completion.Task;

    public T? Result { get; set; }

    public override void Complete()
    {
        if (Error is not null)
        {
            completion.TrySetException(Error);
        }
        else
        {
            completion.TrySetResult(Result!);
        }
    }

    public override void Fail(Exception error) => completion.TrySetException(error);

    public override void Cancel() => completion.TrySetCanceled(CancellationToken);
}
