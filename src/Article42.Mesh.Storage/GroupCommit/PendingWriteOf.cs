namespace Article42.Mesh.Storage.GroupCommit;

internal abstract class PendingWrite<T>(CancellationToken cancellationToken) : PendingWrite(cancellationToken)
{
    // Continuations run off the writer loop, so a slow caller never holds up the next group.
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<T> Task => _completion.Task;

    public T? Result { get; set; }

    public override void Complete()
    {
        if (Error is not null)
        {
            _completion.TrySetException(Error);
        }
        else
        {
            _completion.TrySetResult(Result!);
        }
    }

    public override void Fail(Exception error) => _completion.TrySetException(error);

    public override void Cancel() => _completion.TrySetCanceled(CancellationToken);
}
