using System.Globalization;

namespace Article42.Mesh.TestKit;

/// <summary>What a process grew by between a <see cref="ProcessMeter"/>'s start and now, with the latest sample.</summary>
public sealed record ProcessGrowth(TimeSpan CpuTime, long ResidentBytes, long LogCharacters, long DirectoryBytes, ProcessSample Now)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"CPU +{CpuTime.TotalSeconds:0.00} s, RSS {ResidentBytes / (1024.0 * 1024):+0.0;-0.0} MiB, log +{LogCharacters} chars, data +{DirectoryBytes} B (now {Now})");
}
