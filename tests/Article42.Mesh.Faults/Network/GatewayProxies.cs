using System.Globalization;
using System.Net;
using Article42.Mesh.Faults.Clients;
using Article42.Mesh.Faults.Cluster;

namespace Article42.Mesh.Faults.Network;

/// <summary>
/// The harness's handle on one client's proxy process (this program run as <c>proxy</c> in the client's namespace): on
/// 127.0.0.1 at each silo's gateway port, relaying to that silo's address and port, the only other address an Orleans
/// client may use for a gateway (docs/operations/deploy.md, "The gateway address rule"). The client is given
/// <see cref="Gateways"/>; <see cref="SetDelayAsync"/> changes the delay and returns once the proxy has it in force.
/// </summary>
public sealed class GatewayProxies(string control, ImmutableArray<IPEndPoint> silos, ProcessLogs logs, NetworkPlace place) : IAsyncDisposable
{
    private static readonly TimeSpan InForceWithin = TimeSpan.FromSeconds(30);

    private TestProcess? _process;

    /// <summary>The endpoints a client behind these proxies connects to: loopback, each silo's gateway port.</summary>
    public ImmutableArray<IPEndPoint> Gateways { get; } = [.. silos.Select(s => new IPEndPoint(IPAddress.Loopback, s.Port))];

    public async Task StartAsync(string name)
    {
        ProxyDelayControl.Write(control, TimeSpan.Zero);
        var settings = new ProxySettings(control, [.. Gateways.Zip(silos)]);
        _process = place.StartDll(name, ClientNode.Dll, settings.Arguments());
        await _process.ReadyAsync(TimeSpan.FromMinutes(2));
    }

    public async Task SetDelayAsync(TimeSpan delay)
    {
        var process = _process ?? throw new InvalidOperationException("the proxies were never started");
        ProxyDelayControl.Write(control, delay);
        await process.LineAsync($"delay {((long)delay.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)}", InForceWithin);
    }

    /// <summary>Killed with the round's clients: what it still relays is cut.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
            await logs.EndAsync(process);
    }
}
