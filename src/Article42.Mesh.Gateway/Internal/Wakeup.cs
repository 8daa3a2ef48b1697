namespace Article42.Mesh.Gateway;

/// <summary>
/// An auto-reset signal for a polling loop: <see cref="Set"/> (the doorbell, a reconnect) ends the current or the next
/// wait early. A signal raised while the loop is busy is kept, so a ring during a fetch is never lost.
/// </summary>
internal sealed class Wakeup
{
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Set() => Volatile.Read(ref _signal).TrySetResult();

    /// <summary>Waits until <see cref="Set"/> or <paramref name="timeout"/>, whichever comes first, then resets.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellation)
    {
        var signal = Volatile.Read(ref _signal);
        try
        {
            await signal.Task.WaitAsync(timeout, time, cancellation).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The poll interval passed without a signal: time to look anyway.
        }
        if (signal.Task.IsCompleted)
            Interlocked.CompareExchange(ref _signal, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), signal);
    }
}
