namespace Article42.Mesh.Load.Measuring;

/// <summary>A message sent and not yet received by every recipient: when it started, and who is still to get it.</summary>
public sealed class PendingMessage(Precedence precedence, int copies, long startTimestamp, bool measured)
{
    private int _remaining = copies;

    public Precedence Precedence { get; } = precedence;
    public long StartTimestamp { get; } = startTimestamp;

    /// <summary>Sent inside the measurement window: its latencies count.</summary>
    public bool Measured { get; } = measured;

    /// <summary>Completes when the last recipient received it.</summary>
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>One recipient received it; true when that was the last one.</summary>
    public bool CopyReceived() => Interlocked.Decrement(ref _remaining) == 0;
}
