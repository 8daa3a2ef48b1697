using System.Globalization;

namespace Article42.Mesh.Faults.Cluster;

/// <summary>The POSIX signals the nemeses send, through the machine's <c>kill</c> (what an operator or the kernel would do).</summary>
public static class Signals
{
    public static Task StopAsync(int pid) => SendAsync("STOP", pid);

    public static Task ContinueAsync(int pid) => SendAsync("CONT", pid);

    /// <summary>SIGSTOP to every one of <paramref name="pids"/> at once (a server and its children frozen together).</summary>
    public static Task StopAllAsync(IReadOnlyList<int> pids) => SendAsync("STOP", pids);

    public static Task ContinueAllAsync(IReadOnlyList<int> pids) => SendAsync("CONT", pids);

    private static Task SendAsync(string signal, int pid) => SendAsync(signal, [pid]);

    private static async Task SendAsync(string signal, IReadOnlyList<int> pids)
    {
        var run = await TestProcess.RunAsync("kill", [$"-{signal}", .. pids.Select(p => p.ToString(CultureInfo.InvariantCulture))], TimeSpan.FromSeconds(30));
        if (run.ExitCode != 0)
            throw new InvalidOperationException($"kill -{signal} {string.Join(' ', pids)} failed: {run}");
    }
}
