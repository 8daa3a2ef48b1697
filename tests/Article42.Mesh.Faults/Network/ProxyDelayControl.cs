using System.Globalization;

namespace Article42.Mesh.Faults.Network;

/// <summary>
/// The delay of a proxy process, set from outside its namespace: a file holding the delay in whole milliseconds, which the
/// harness replaces (<see cref="Write"/>: written beside it, then renamed, so the proxy never reads half a number) and the
/// proxy polls (<see cref="PollAsync"/>). A file that is missing or does not hold a number leaves the delay as it was.
/// </summary>
public static class ProxyDelayControl
{
    /// <summary>How often the proxy reads the file: a fault window of seconds starts and ends within this.</summary>
    public static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);

    public static void Write(string path, TimeSpan delay)
    {
        var written = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(written, ((long)delay.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
        File.Move(written, path, overwrite: true);
    }

    public static TimeSpan? Read(string path)
    {
        try
        {
            return long.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
                ? TimeSpan.FromMilliseconds(milliseconds)
                : null;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Until <paramref name="stopping"/>: sets every proxy's delay to what the file says, and tells
    /// <paramref name="changed"/> each new value once it is in force.
    /// </summary>
    public static async Task PollAsync(string path, IReadOnlyList<LatencyProxy> proxies, Action<TimeSpan> changed, TimeProvider clock, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(proxies);
        ArgumentNullException.ThrowIfNull(changed);
        var current = TimeSpan.Zero;
        while (!stopping.IsCancellationRequested)
        {
            if (Read(path) is { } wanted && wanted != current)
            {
                foreach (var proxy in proxies)
                    proxy.Delay = wanted;
                current = wanted;
                changed(wanted);
            }
            try
            {
                await Task.Delay(PollEvery, clock, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
