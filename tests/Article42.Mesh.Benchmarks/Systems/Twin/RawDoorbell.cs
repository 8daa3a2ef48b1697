namespace Article42.Mesh.Benchmarks.Systems.Twin;

/// <summary>The client side of the raw doorbell: a ring releases the fetch loop's wait.</summary>
internal sealed class RawDoorbell : IRawDoorbell
{
    private readonly SemaphoreSlim _rung = new(0, 1);

    public void Ring()
    {
        try
        {
            if (_rung.CurrentCount == 0)
                _rung.Release();
        }
        catch (SemaphoreFullException)
        {
            // Rung already: one pending ring is enough.
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellation) => _rung.WaitAsync(timeout, cancellation);
}
