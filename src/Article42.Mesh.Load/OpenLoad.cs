using System.Diagnostics;
using Article42.Mesh.Load.Systems;

namespace Article42.Mesh.Load;

/// <summary>
/// An open loop: messages are due at a fixed rate whatever the system does, sent round-robin from the traffic's gateways; each
/// one's latency counts from when it was due. Sends beyond <c>maxOutstanding</c> not yet accepted are skipped and counted.
/// </summary>
public sealed class OpenLoad(ISystemUnderTest system, Traffic traffic, double ratePerSecond, int seed = 2, int maxOutstanding = 20_000) : ILoad
{
    private long _outstanding;

    /// <summary>Sends skipped because too many were still outstanding (the system fell behind the offered rate).</summary>
    public long Skipped { get; private set; }

    public string Describe() => $"open loop, {ratePerSecond:0.#} msg/s offered";

    public async Task RunAsync(CancellationToken stop)
    {
        var random = new Random(seed);
        var interval = Stopwatch.Frequency / ratePerSecond;
        var start = Stopwatch.GetTimestamp();
        long sequence = 0;
        var sends = new List<Task>();
        while (!stop.IsCancellationRequested)
        {
            var now = Stopwatch.GetTimestamp();
            for (var due = start + (long)(sequence * interval); due <= now; due = start + (long)(sequence * interval))
            {
                if (Interlocked.Read(ref _outstanding) >= maxOutstanding)
                    Skipped++;
                else
                    sends.Add(SendAsync(traffic.SenderAt(sequence, system.Gateways.Count), sequence, random, due));
                sequence++;
            }
            sends.RemoveAll(t => t.IsCompleted);
            try
            {
                await Task.Delay(1, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        await Task.WhenAll(sends).ConfigureAwait(false);
    }

    private async Task SendAsync(int sender, long sequence, Random random, long due)
    {
        Interlocked.Increment(ref _outstanding);
        try
        {
            await Sender.SendAsync(system, sender, traffic, sequence, random, due).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _outstanding);
        }
    }
}
