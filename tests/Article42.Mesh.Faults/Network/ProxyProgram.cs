using System.Globalization;
using System.Runtime.InteropServices;

namespace Article42.Mesh.Faults.Network;

/// <summary>
/// This program run as <c>proxy</c>: <see cref="LatencyProxy"/> instances for the given routes, their delay read from the
/// control file (<see cref="ProxyDelayControl"/>), until SIGTERM. It prints <c>ready</c> once every route listens, and
/// <c>delay MS</c> each time a new delay is in force, so the harness knows when a fault window starts and ends.
/// </summary>
public static class ProxyProgram
{
    public static async Task<int> RunAsync(ProxySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var stopping = new CancellationTokenSource();
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stopping.Cancel();
        });
        List<LatencyProxy> proxies = [];
        try
        {
            foreach (var (listen, target) in settings.Routes)
                proxies.Add(LatencyProxy.Start(listen, target));
            Console.WriteLine("ready");
            await ProxyDelayControl.PollAsync(settings.Control, proxies,
                delay => Console.WriteLine($"delay {((long)delay.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)}"),
                TimeProvider.System, stopping.Token);
            return 0;
        }
        finally
        {
            foreach (var proxy in proxies)
                await proxy.DisposeAsync();
        }
    }
}
