using System.Globalization;
using System.Runtime.InteropServices;

namespace Article42.Mesh.TestKit;

/// <summary>
/// What a real process has cost so far, read from Linux's <c>/proc</c>: CPU time (user + system, <c>/proc/PID/stat</c>)
/// and resident memory (<c>VmRSS</c> of <c>/proc/PID/status</c>), with the moment of the reading.
/// </summary>
public sealed record ProcessSample(TimeSpan CpuTime, long ResidentBytes, long At)
{
    private const int ClockTicksName = 2; // _SC_CLK_TCK

    private static readonly long TicksPerSecond = ClockTicks();

    /// <summary>Reads the process <paramref name="pid"/> now; throws when it is gone.</summary>
    public static ProcessSample Of(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) may hold spaces and parentheses: the fields that follow start after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture); // utime, stime (fields 14, 15)
        var rss = File.ReadLines($"/proc/{pid}/status").First(line => line.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kilobytes = long.Parse(rss["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return new ProcessSample(TimeSpan.FromSeconds((double)ticks / TicksPerSecond), kilobytes * 1024, TimeProvider.System.GetTimestamp());
    }

    /// <summary>The share of one core this process used between <paramref name="earlier"/> and this sample (1 = a whole core).</summary>
    public double CoresSince(ProcessSample earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var wall = TimeProvider.System.GetElapsedTime(earlier.At, At);
        return wall <= TimeSpan.Zero ? 0 : (CpuTime - earlier.CpuTime) / wall;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"CPU {CpuTime.TotalSeconds:0.00} s, RSS {ResidentBytes / (1024.0 * 1024):0.0} MiB");

    private static long ClockTicks()
    {
        var ticks = OperatingSystem.IsLinux() ? Sysconf(ClockTicksName) : -1;
        return ticks > 0 ? ticks : 100;
    }

    [DllImport("libc", EntryPoint = "sysconf")]
    private static extern long Sysconf(int name);
}
