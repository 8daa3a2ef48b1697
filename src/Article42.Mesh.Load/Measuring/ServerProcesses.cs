using System.Globalization;

namespace Article42.Mesh.Load.Measuring;

/// <summary>
/// The CPU time of the server processes a cluster-profile run talks to (a PostgreSQL postmaster and its backends, a
/// redis-server), read from <c>/proc</c>: they are other processes, so the benchmark's own CPU figure leaves them out.
/// </summary>
public sealed class ServerProcesses(Func<IReadOnlyCollection<int>> roots)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>User plus system CPU of the root processes and their direct children (the backends), now.</summary>
    public TimeSpan Cpu()
    {
        if (!Directory.Exists("/proc"))
            return TimeSpan.Zero;
        var rootIds = roots();
        long ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                continue;
            if (Stat(pid) is { } stat && (rootIds.Contains(pid) || rootIds.Contains(stat.Parent)))
                ticks += stat.Ticks;
        }
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>The process ids whose command line contains <paramref name="text"/>.</summary>
    public static IReadOnlyCollection<int> Matching(string text)
    {
        var found = new List<int>();
        if (!Directory.Exists("/proc"))
            return found;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                continue;
            try
            {
                if (File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ').Contains(text, StringComparison.Ordinal))
                    found.Add(pid);
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to read.
            }
        }
        return found;
    }

    private static (int Parent, long Ticks)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name, which is in parentheses and may hold spaces: state ppid ... utime(14) stime(15).
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
            return (parent, long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
