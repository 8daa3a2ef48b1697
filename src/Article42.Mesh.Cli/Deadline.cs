namespace Article42.Mesh.Cli;

/// <summary>A command's <c>--timeout</c>: its expiry is a <see cref="TimeoutException"/> (exit 1, one line), not a cancellation.</summary>
public static class Deadline
{
    public static async Task<T> Within<T>(Func<Task<T>> work, CancellationToken deadline, CancellationToken cancellation, string late)
    {
        try
        {
            return await work();
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellation.IsCancellationRequested)
        {
            throw new TimeoutException(late);
        }
    }
}
