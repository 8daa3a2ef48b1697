namespace Article42.Mesh.Gateway.Tests;

/// <summary>Reads an async stream item by item, each wait bounded by a deadline that says what was awaited.</summary>
public sealed class Reader<T> : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly IAsyncEnumerator<T> _items;

    public Reader(Func<CancellationToken, IAsyncEnumerable<T>> source) => _items = source(_stop.Token).GetAsyncEnumerator();

    /// <summary>Everything read so far, in order.</summary>
    public List<T> Read { get; } = [];

    /// <summary>The next item, or a <see cref="TimeoutException"/> naming <paramref name="what"/>.</summary>
    public async Task<T> NextAsync(string what, TimeSpan? within = null)
    {
        var limit = Deadline.Scaled(within ?? TimeSpan.FromSeconds(30));
        var next = _items.MoveNextAsync().AsTask();
        if (await Task.WhenAny(next, Task.Delay(limit)) != next)
        {
            await _stop.CancelAsync();
            throw new TimeoutException($"Timed out after {limit.TotalSeconds:0.#} s waiting for {what}; read so far: {string.Join(", ", Read)}");
        }
        Assert.True(await next, $"the stream ended while waiting for {what}");
        Read.Add(_items.Current);
        return _items.Current;
    }

    /// <summary>Reads until an item matches; the items before it stay in <see cref="Read"/>.</summary>
    public async Task<T> NextMatchingAsync(Func<T, bool> match, string what, TimeSpan? within = null)
    {
        var limit = Deadline.Scaled(within ?? TimeSpan.FromSeconds(30));
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var left = limit - TimeProvider.System.GetElapsedTime(started);
            var item = await NextAsync(what, left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1));
            if (match(item))
                return item;
        }
    }

    /// <summary>Reads until <paramref name="done"/> holds for everything read so far.</summary>
    public async Task UntilAsync(Func<IReadOnlyList<T>, bool> done, string what, TimeSpan? within = null)
    {
        var limit = Deadline.Scaled(within ?? TimeSpan.FromSeconds(30));
        var started = TimeProvider.System.GetTimestamp();
        while (!done(Read))
        {
            var left = limit - TimeProvider.System.GetElapsedTime(started);
            await NextAsync(what, left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _items.DisposeAsync();
        }
        catch (Exception ex) when (ex is OperationCanceledException or NotSupportedException or InvalidOperationException)
        {
            // A read still pending when the test ends.
        }
        _stop.Dispose();
    }
}
