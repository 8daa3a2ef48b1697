using System.Globalization;

namespace Article42.Mesh.Faults.Cluster;

/// <summary>
/// One cluster-profile silo process on fixed ports: killed, terminated, paused and started again on the same ports,
/// as a process supervisor would restart it.
/// </summary>
public sealed class SiloNode(string name, int siloPort, int gatewayPort, int httpPort, string home, IReadOnlyList<string> shared, ProcessLogs logs, SiloProgram program, NetworkPlace place) : IAsyncDisposable
{
    /// <summary>
    /// How long a start may take to print <c>ready</c> (scaled by <c>A42_TIMEOUT_MULTIPLIER</c>). On the loaded two-core
    /// machine a start under load took up to 1 min 45 s; beyond this the round fails (<see cref="SiloNotReadyException"/>).
    /// </summary>
    public static readonly TimeSpan ReadyWithin = TimeSpan.FromMinutes(2);

    private int _starts;

    public string Name => name;

    public int SiloPort => siloPort;

    public int GatewayPort => gatewayPort;

    public int HttpPort => httpPort;

    /// <summary>Where it runs: its network namespace and address, or loopback.</summary>
    public NetworkPlace Place => place;

    public TestProcess? Process { get; private set; }

    public bool Running => Process is { HasExited: false };

    /// <summary>The running process printed <c>ready</c> (a start that timed out leaves it running and not ready).</summary>
    public bool Ready => Running && _ready;

    private bool _ready;

    /// <summary>Starts the silo and waits for its <c>ready</c> line, <paramref name="readyWithin"/> at most (default <see cref="ReadyWithin"/>).</summary>
    /// <exception cref="SiloNotReadyException">Not ready in time; the process is left running (<see cref="RepairAsync"/>).</exception>
    public async Task StartAsync(TimeSpan? readyWithin = null)
    {
        if (Process is { } old)
            await logs.EndAsync(old);
        _starts++;
        _ready = false;
        Process = place.StartDll($"{name} (start {_starts})", program.Dll,
        [
            .. program.Leading,
            .. shared,
            "--advertise-ip", place.Address,
            "--silo-port", siloPort.ToString(CultureInfo.InvariantCulture),
            "--gateway-port", gatewayPort.ToString(CultureInfo.InvariantCulture),
            "--http-port", httpPort.ToString(CultureInfo.InvariantCulture),
        ], new Dictionary<string, string> { ["A42_HOME"] = home });
        await AwaitReadyAsync(readyWithin ?? ReadyWithin);
    }

    /// <summary>
    /// Leaves the silo running and ready, as a supervisor would: a start still under way gets <paramref name="within"/>
    /// more to turn ready, else it is killed; an exited silo is started again. Returns what it did, or null when the
    /// silo was ready already.
    /// </summary>
    public async Task<string?> RepairAsync(TimeSpan within)
    {
        if (Ready)
            return null;
        if (Running)
        {
            try
            {
                await AwaitReadyAsync(within);
                return $"{name} (start {_starts}) turned ready late";
            }
            catch (SiloNotReadyException)
            {
                await KillAsync();
            }
        }
        await StartAsync(within);
        return $"{name} started again (start {_starts}) and ready";
    }

    private async Task AwaitReadyAsync(TimeSpan within)
    {
        var process = Current;
        try
        {
            await process.ReadyAsync(within);
            _ready = true;
        }
        // Timeout: still starting. InvalidOperationException: it exited without printing ready.
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            throw new SiloNotReadyException($"{name} (start {_starts}) not ready within {Deadline.Scaled(within).TotalSeconds:0} s of its start{(process.HasExited ? " (it exited)" : "")}", ex);
        }
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
