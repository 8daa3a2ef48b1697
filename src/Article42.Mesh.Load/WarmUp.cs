using Article42.Mesh.Load.Systems;

namespace Article42.Mesh.Load;

/// <summary>
/// Traffic right after a system starts, never measured: the JIT's tiered compilation, connection pools and grain
/// activations settle here, not in the first window.
/// </summary>
public static class WarmUp
{
    public static async Task RunAsync(ISystemUnderTest system, int concurrency, TimeSpan duration)
    {
        using var stop = new CancellationTokenSource(duration);
        await new ClosedLoad(system, Traffic.Of(Pattern.PointToPoint), concurrency, seed: 9).RunAsync(stop.Token);
        await Measurement.SettleAsync(system.Tracker);
    }
}
