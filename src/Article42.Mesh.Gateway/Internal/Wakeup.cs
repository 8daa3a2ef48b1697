namespace Article42.Mesh.Gateway;

/// <summary>
/// An auto-reset signal for a polling loop: <see cref="Set"/> (the doorbell, a reconnect) ends the current or the next
/// wait early. A signal raised while the loop is busy is kept, so a ring during a fetch is never lost.
/// </summary>
internal sealed class Wakeup
{
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Set() => Volatile.Read(ref _signal).TrySetResult();

    /// <summary>
    /// Waits until <paramref name="time"/> reads <paramref name="until"/> or <see cref="Set"/>, whichever comes first, then
    /// resets. The clock is read again once the timer is armed: a clock that passed <paramref name="until"/> between the
    /// first reading and the arming (a thread suspended there; a test moving its clock at that instant) ends the wait,
    /// where a timer armed for the whole stretch would wait it a second time, or, on a clock that only a test moves, for ever.
    /// </summary>
    public async Task WaitUntilAsync(DateTimeOffset until, TimeProvider time, CancellationToken cancellation)
    {
        var signal = Volatile.Read(ref _signal);
        var wait = until - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            using var disarm = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            var timer = Task.Delay(wait, time, disarm.Token);
            if (time.GetUtcNow() < until)
                await Task.WhenAny(timer, signal.Task).ConfigureAwait(false);
            await disarm.CancelAsync().ConfigureAwait(false);
        }
        cancellation.ThrowIfCancellationRequested();
        if (signal.Task.IsCompleted)
            Interlocked.CompareExchange(ref _signal, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), signal);
    }

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
