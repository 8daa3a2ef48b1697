using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace Article42.Mesh.Benchmarks.Reporting;

/// <summary>What the figures were measured on, including how busy the machine was (other builds share it).</summary>
internal static class MachineInfo
{
    /// <summary>The 1, 5 and 15 minute load averages (Linux), or null elsewhere.</summary>
    public static double[]? LoadAverage()
    {
        try
        {
            return [.. File.ReadAllText("/proc/loadavg").Split(' ').Take(3).Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture))];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    public static JsonObject Describe(double[]? loadAtStart) => new()
    {
        ["cores"] = Environment.ProcessorCount,
        ["os"] = RuntimeInformation.OSDescription,
        ["runtime"] = RuntimeInformation.FrameworkDescription,
        ["server_gc"] = System.Runtime.GCSettings.IsServerGC,
        ["load_average_start"] = loadAtStart is null ? null : new JsonArray([.. loadAtStart.Select(v => (JsonNode)v)]),
        ["load_average_end"] = LoadAverage() is { } end ? new JsonArray([.. end.Select(v => (JsonNode)v)]) : null,
    };
}
