using System.Globalization;

namespace Article42.Mesh.Faults.Cluster;

/// <summary>
/// One cluster-profile silo process on fixed ports: killed, terminated, paused and started again on the same ports,
/// as a process supervisor would restart it.
/// </summary>
public sealed class SiloNode(string name, int siloPort, int gatewayPort, int httpPort, string home, IReadOnlyList<string> shared, ProcessLogs logs, SiloProgram program, NetworkPlace place) : IAsyncDisposable
{
    private int _starts;

    public string Name => name;

    public int SiloPort => siloPort;

    public int GatewayPort => gatewayPort;

    public int HttpPort => httpPort;

    /// <summary>Where it runs: its network namespace and address, or loopback.</summary>
    public NetworkPlace Place => place;

    public TestProcess? Process { get; private set; }

    public bool Running => Process is { HasExited: false };

    /// <summary>Starts the silo and waits for its <c>ready</c> line.</summary>
    public async Task StartAsync()
    {
        if (Process is { } old)
            await logs.EndAsync(old);
        _starts++;
        Process = place.StartDll($"{name} (start {_starts})", program.Dll,
        [
            .. program.Leading,
            .. shared,
            "--advertise-ip", place.Address,
            "--silo-port", siloPort.ToString(CultureInfo.InvariantCulture),
            "--gateway-port", gatewayPort.ToString(CultureInfo.InvariantCulture),
            "--http-port", httpPort.ToString(CultureInfo.InvariantCulture),
        ], new Dictionary<string, string> { ["A42_HOME"] = home });
        await Process.ReadyAsync(TimeSpan.FromMinutes(2));
    }

    public Task KillAsync() => Current.KillAsync();

    /// <summary>SIGTERM, then the exit within the silo's own shutdown timeout and a margin.</summary>
    public async Task TerminateAsync(TimeSpan within)
    {
        await Current.TerminateAsync();
        await Current.ExitedAsync(within);
    }

    public Task PauseAsync() => Signals.StopAsync(Current.Id);

    public Task ResumeAsync() => Signals.ContinueAsync(Current.Id);

    public async ValueTask DisposeAsync()
    {
        if (Process is { } process)
            await logs.EndAsync(process);
    }

    private TestProcess Current => Process ?? throw new InvalidOperationException($"{name} was never started");
}
