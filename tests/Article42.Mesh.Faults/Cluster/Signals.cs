using System.Globalization;

namespace Article42.Mesh.Faults.Cluster;

/// <summary>The POSIX signals the nemeses send, through the machine's <c>kill</c> (what an operator or the kernel would do).</summary>
public static class Signals
{
    public static Task StopAsync(int pid) => SendAsync("STOP", pid);

    public static Task ContinueAsync(int pid) => SendAsync("CONT", pid);

    private static async Task SendAsync(string signal, int pid)
    {
        var run = await TestProcess.RunAsync("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(30));
        if (run.ExitCode != 0)
            throw new InvalidOperationException($"kill -{signal} {pid} failed: {run}");
    }
}
