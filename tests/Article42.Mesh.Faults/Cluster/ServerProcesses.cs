using System.Globalization;

namespace Article42.Mesh.Faults.Cluster;

/// <summary>
/// The process ids of the suite's own throwaway servers, found by the port on their command line (TestKit's servers
/// do not hand out their pids), so that a nemesis can pause them. Only this run's servers carry these ports.
/// </summary>
public static class ServerProcesses
{
    /// <summary>The postmaster of the PostgreSQL on <paramref name="port"/> and every process it forked (backends, WAL writer, checkpointer...).</summary>
    public static async Task<IReadOnlyList<int>> PostgresAsync(int port)
    {
        var postmaster = await PgrepAsync(["-f", $"^\\S*postgres .*-p {port} "]);
        if (postmaster.Count != 1)
            throw new InvalidOperationException($"expected one postmaster on port {port}, found {postmaster.Count}");
        return [.. postmaster, .. await PgrepAsync(["-P", postmaster[0].ToString(CultureInfo.InvariantCulture)])];
    }

    /// <summary>The <c>redis-server</c> on <paramref name="port"/> (it names its port in its process title).</summary>
    public static async Task<int> RedisAsync(int port)
    {
        var found = await PgrepAsync(["-f", $"^\\S*redis-server \\S*:{port}( |$)"]);
        return found.Count == 1 ? found[0] : throw new InvalidOperationException($"expected one redis-server on port {port}, found {found.Count}");
    }

    private static async Task<IReadOnlyList<int>> PgrepAsync(IEnumerable<string> arguments)
    {
        var run = await TestProcess.RunAsync("pgrep", arguments, TimeSpan.FromSeconds(30));
        return [.. run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => int.Parse(l, CultureInfo.InvariantCulture))];
    }
}
