namespace Article42.Mesh.Faults.Network;

/// <summary>The machine's network tools (<c>ip</c>, <c>iptables</c>, <c>ss</c>), run to their end; a failure throws with what they printed.</summary>
public static class NetworkCommand
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    /// <summary>Runs <paramref name="file"/>; returns its output, or throws naming the command and its output.</summary>
    public static async Task<string> RunAsync(string file, params string[] args)
    {
        var run = await TryAsync(file, args);
        return run.ExitCode == 0 ? run.Output : throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {run}");
    }

    /// <summary>Runs <paramref name="file"/> and returns how it ended, whatever the exit code.</summary>
    public static Task<ProcessRun> TryAsync(string file, params string[] args) => TestProcess.RunAsync(file, args, Within);

    /// <summary>Runs <paramref name="file"/> inside the network namespace <paramref name="space"/> (never in the host's).</summary>
    public static Task<string> InAsync(string space, string file, params string[] args) => RunAsync("ip", ["netns", "exec", space, file, .. args]);
}
