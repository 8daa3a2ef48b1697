using System.Threading.Channels;

namespace Article42.Mesh.Load.Systems;

/// <summary>
/// What a receiving gateway has handed to the application, acknowledged in batches by one loop (one acknowledgement call
/// in flight at a time, holding everything received meanwhile), as a gateway application that keeps up would.
/// </summary>
public sealed class AckQueue<T>(Func<IReadOnlyCollection<T>, CancellationToken, Task> acknowledge, int maxBatch)
{
    private readonly Channel<T> _channel = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true });

    public void Add(T item) => _channel.Writer.TryWrite(item);

    public async Task RunAsync(CancellationToken cancellation)
    {
        var batch = new List<T>(maxBatch);
        try
        {
            while (await _channel.Reader.WaitToReadAsync(cancellation).ConfigureAwait(false))
            {
                while (batch.Count < maxBatch && _channel.Reader.TryRead(out var item))
                    batch.Add(item);
                try
                {
                    await acknowledge(batch, cancellation).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Left unacknowledged, as a gateway whose acknowledgement failed would; the run reports why.
                    Load.Failures.Note(ex);
                }
                batch = new List<T>(maxBatch);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
