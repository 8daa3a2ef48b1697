using Article42.Mesh.Load.Systems;

namespace Article42.Mesh.Load;

/// <summary>
/// A closed loop with <c>copies</c> copies in flight: that many workers for point-to-point traffic, one per N-1 copies for
/// broadcasts; worker k sends from the traffic's k-th gateway (in turn), one message at a time, waiting until every recipient has it before
/// sending the next. Throughput is what the system sustains at that concurrency.
/// </summary>
public sealed class ClosedLoad(ISystemUnderTest system, Traffic traffic, int copies, int seed = 1) : ILoad
{
    private static readonly TimeSpan MessageTimeout = TimeSpan.FromSeconds(60);
    private readonly int _concurrency = traffic.MessagesInFlight(copies, system.Gateways.Count);

    public string Describe() => traffic.Pattern == Pattern.Broadcast
        ? $"closed loop, {_concurrency} broadcasts ({_concurrency * traffic.CopiesPerMessage(system.Gateways.Count)} copies) in flight"
        : $"closed loop, {_concurrency} in flight";

    public Task RunAsync(CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, _concurrency).Select(worker => Task.Run(() => WorkAsync(worker, stop), CancellationToken.None)));

    private async Task WorkAsync(int worker, CancellationToken stop)
    {
        var random = new Random(seed * 7919 + worker);
        var sender = traffic.SenderAt(worker, system.Gateways.Count);
        for (long sequence = worker; !stop.IsCancellationRequested; sequence += _concurrency)
        {
            var done = await Sender.SendAsync(system, sender, traffic, sequence, random, dueTimestamp: null).ConfigureAwait(false);
            try
            {
                await done.WaitAsync(MessageTimeout, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
            {
                // Lost or refused: the tracker counts it; keep the loop going.
            }
        }
    }
}
