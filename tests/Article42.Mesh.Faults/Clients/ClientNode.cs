using Article42.Mesh.Faults.Cluster;

namespace Article42.Mesh.Faults.Clients;

/// <summary>The harness's handle on one client process (this program run as <c>client</c>): started, killed, restarted, stopped.</summary>
public sealed class ClientNode(ClientSettings settings, ProcessLogs logs, NetworkPlace place) : IAsyncDisposable
{
    public const string Dll = "Article42.Mesh.Faults.dll";
    private int _starts;

    public ClientSettings Settings => settings;

    public string Participant => settings.Participant;

    public TestProcess? Process { get; private set; }

    public async Task StartAsync()
    {
        if (Process is { } old)
            await logs.EndAsync(old);
        _starts++;
        Process = place.StartDll($"client {Participant} (start {_starts})", Dll, settings.Arguments());
        await Process.ReadyAsync(TimeSpan.FromMinutes(2));
    }

    /// <summary>SIGKILL: whatever it was sending, handing or acknowledging stays half done.</summary>
    public Task KillAsync() => Current.KillAsync();

    /// <summary>Ends the load: standard input closes, the sends in flight finish (up to the SDK's send deadline).</summary>
    public async Task StopSendingAsync(TimeSpan within)
    {
        await Current.CloseInputAsync();
        await Current.LineAsync("sent", within);
    }

    /// <summary>SIGTERM: receiving stops and the process exits.</summary>
    public async Task<int> StopAsync()
    {
        await Current.TerminateAsync();
        return await Current.ExitedAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        if (Process is { } process)
            await logs.EndAsync(process);
    }

    private TestProcess Current => Process ?? throw new InvalidOperationException($"client {Participant} was never started");
}
