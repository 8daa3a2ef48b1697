using System.Runtime.InteropServices;
using Article42.Mesh.Faults.Clients;
using Article42.Mesh.Faults.Cluster;
using Article42.Mesh.Faults.History;
using Article42.Mesh.Faults.Network;

namespace Article42.Mesh.Faults.Runs;

/// <summary>The program's commands: <c>client ...</c> (a client process the harness starts), <c>proxy ...</c> (a client's latency proxies, in its namespace), <c>lossy-silo ...</c> (a silo whose journal loses messages, for the test that shows the suite red) and <c>faults --minutes N --seed N</c> (the long form).</summary>
public static class FaultsCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        switch (args.FirstOrDefault())
        {
            case ClientSettings.Command:
                return await ClientAsync(ClientSettings.Parse(args));
            case ProxySettings.Command:
                return await ProxyProgram.RunAsync(ProxySettings.Parse(args));
            case LossySilo.Command:
                return await LossySilo.RunAsync(args[1..]);
            case LongForm.Command:
                return await LongForm.RunAsync(LongFormSettings.Parse(args[1..]), Console.Out);
            default:
                await Console.Error.WriteLineAsync("usage: faults [--minutes N] [--seed N] [--artefacts DIR] | client ... | proxy ... | lossy-silo ...");
                return 2;
        }
    }

    private static async Task<int> ClientAsync(ClientSettings settings)
    {
        using var stopping = new CancellationTokenSource();
        // SIGTERM ends the client cleanly; SIGKILL (a nemesis) ends it without any of this.
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stopping.Cancel();
        });
        using var history = new HistoryWriter(HistoryFiles.PathOf(settings.Histories, settings.Participant), settings.Participant, TimeProvider.System);
        try
        {
            await new FaultClient(settings, history).RunAsync(stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Terminated.
        }
        return 0;
    }
}
