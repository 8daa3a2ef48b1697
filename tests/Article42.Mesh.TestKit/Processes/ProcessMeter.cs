using System.Globalization;

namespace Article42.Mesh.TestKit;

/// <summary>
/// Measures what a real process (a silo) costs while a test does something hostile to it: its CPU time and resident
/// memory (<see cref="ProcessSample"/>), the size of its output and of its data directory, and waiting until its CPU
/// is back to idle. Start one before the hostile part; <see cref="Since"/> gives the growth.
/// </summary>
public sealed class ProcessMeter
{
    private readonly TestProcess process;
    private readonly string? directory;
    private readonly ProcessSample start;
    private readonly long startLog;
    private readonly long startDirectory;

    private ProcessMeter(TestProcess process, string? directory)
    {
        this.process = process;
        this.directory = directory;
        start = ProcessSample.Of(process.Id);
        startLog = LogCharacters(process);
        startDirectory = directory is null ? 0 : DirectoryBytes(directory);
    }

    /// <summary>Starts measuring <paramref name="process"/> (and <paramref name="dataDirectory"/>, when given) from now.</summary>
    public static ProcessMeter Start(TestProcess process, string? dataDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(process);
        return new ProcessMeter(process, dataDirectory);
    }

    /// <summary>Growth since <see cref="Start"/>: CPU time, resident memory, output characters (standard output and error) and data directory bytes.</summary>
    public ProcessGrowth Since()
    {
        var now = ProcessSample.Of(process.Id);
        return new ProcessGrowth(
            now.CpuTime - start.CpuTime,
            now.ResidentBytes - start.ResidentBytes,
            LogCharacters(process) - startLog,
            directory is null ? 0 : DirectoryBytes(directory) - startDirectory,
            now);
    }

    /// <summary>
    /// Waits until the process uses less than <paramref name="maxCores"/> of a core over a whole <paramref name="window"/>
    /// (CPU time growth below <c>maxCores × window</c>), failing after <paramref name="within"/> (scaled) with the usage seen.
    /// </summary>
    public async Task IdleAsync(TimeSpan window, double maxCores, TimeSpan within)
    {
        var limit = Deadline.Scaled(within);
        var began = TimeProvider.System.GetTimestamp();
        var seen = new List<double>();
        while (true)
        {
            var before = ProcessSample.Of(process.Id);
            // A measurement window, not a wait for a condition: CPU use is only defined over an interval.
            await Task.Delay(window).ConfigureAwait(false);
            var cores = ProcessSample.Of(process.Id).CoresSince(before);
            seen.Add(cores);
            if (cores < maxCores)
                return;
            if (TimeProvider.System.GetElapsedTime(began) > limit)
            {
                var usage = string.Join(", ", seen.Select(c => c.ToString("0.00", CultureInfo.InvariantCulture)));
                throw new TimeoutException($"{process.Name} not back to idle (below {maxCores} of a core over {window.TotalSeconds} s) within {limit.TotalSeconds:0} s; cores per window: {usage}");
            }
        }
    }

    /// <summary>The bytes of every file under <paramref name="path"/>.</summary>
    public static long DirectoryBytes(string path) =>
        new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(file =>
        {
            try
            {
                return file.Length;
            }
            catch (FileNotFoundException)
            {
                return 0; // removed while counting (a WAL checkpointed away)
            }
        });

    private static long LogCharacters(TestProcess process) =>
        process.Output.Sum(line => (long)line.Length + 1) + process.Errors.Sum(line => (long)line.Length + 1);
}
