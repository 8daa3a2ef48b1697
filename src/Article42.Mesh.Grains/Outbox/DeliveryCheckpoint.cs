using Microsoft.Extensions.Logging;

namespace Article42.Mesh.Grains;

/// <summary>
/// The sender's delivery records, off the commit path (issue #18; docs/design/architecture.md §4): a lane whose batch
/// the recipient stored does not write its <c>delivered</c> records and take its rows off the queue in a write of its
/// own; they ride on the sender's next write (a submit, a fetch, an acknowledgement, a delivery stored), or, when the
/// sender writes nothing for <see cref="DeliveryOptions.CheckpointDelay"/>, in one checkpoint write for all of them.
/// Lost in a crash, they cost a redelivery that the recipient's high-water mark drops.
/// </summary>
internal sealed class DeliveryCheckpoint(JournalStream stream, DeliveryOptions options, ILogger logger)
{
    private Task _checkpoint = Task.CompletedTask;

    /// <summary>Queues a record to ride on the next write, and makes sure a checkpoint follows if none comes.</summary>
    public void Record(JournalEntry entry, QueueChange change, CancellationToken stopping)
    {
        stream.Ride(entry, change);
        if (_checkpoint.IsCompleted)
            _checkpoint = CheckpointLaterAsync(stopping);
    }

    /// <summary>Writes what rides now (when the activation goes: a record written costs no redelivery later).</summary>
    public Task FlushAsync() => stream.CheckpointAsync();

    private async Task CheckpointLaterAsync(CancellationToken stopping)
    {
        while (stream.Riding > 0 && !stopping.IsCancellationRequested)
        {
            try
            {
                // Real time, not the mesh clock: a delay that groups writes, like the journal's group commit; a test's
                // fake mesh clock must not hold delivery reports back for ever.
                await Task.Delay(options.CheckpointDelay, TimeProvider.System, stopping);
                await stream.CheckpointAsync();
            }
            catch (Exception ex) when (ex is OperationCanceledException or StaleActivationException)
            {
                // Going (deactivated, or fenced off by another activation): what rides is redelivered and deduplicated.
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Delivery records of {Stream} not written; tried again after {Delay}", stream.StreamId, options.CheckpointDelay);
            }
        }
    }
}
