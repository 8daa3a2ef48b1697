using Article42.Mesh.TestKit;

namespace Article42.Mesh.Storage.Tests.Compliance;

/// <summary>
/// The system clock, except that while it is closed whoever asks it the time waits until it opens. A journal's writer
/// asks once per group, just before committing it: closing the clock holds the writer there, so a test knows which
/// writes were queued behind that group, whatever the scheduler does.
/// </summary>
public sealed class GatedClock : TimeProvider, IDisposable
{
    private readonly ManualResetEventSlim _open = new(initialState: true);
    private readonly SemaphoreSlim _held = new(0);

    public void Close() => _open.Reset();

    public void Open() => _open.Set();

    /// <summary>Waits until someone is held by the closed clock (the writer, at its next group).</summary>
    public async Task HoldingAsync(string what)
    {
        var within = Deadline.Scaled(TimeSpan.FromSeconds(10));
        if (!await _held.WaitAsync(within))
            throw new TimeoutException($"Timed out after {within.TotalSeconds:0.#} s waiting for {what}");
    }

    public override DateTimeOffset GetUtcNow()
    {
        if (!_open.IsSet)
        {
            _held.Release();
            _open.Wait();
        }

        return System.GetUtcNow();
    }

    public void Dispose()
    {
        _open.Dispose();
        _held.Dispose();
    }
}
