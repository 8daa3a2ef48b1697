using System.Globalization;
using Article42.Mesh.Load.Measuring;

namespace Article42.Mesh.Benchmarks.Reporting;

/// <summary>One readable line per run on standard output.</summary>
internal static class ConsoleLines
{
    public static void Print(RunRecord run)
    {
        var f = run.Figures;
        var ratio = run.MeshRawRatio is { } r ? string.Create(CultureInfo.InvariantCulture, $", mesh/raw {r:0.00}") : "";
        ratio += run.MeshCryptoTwinRatio is { } c ? string.Create(CultureInfo.InvariantCulture, $", mesh/crypto twin {c:0.00}") : "";
        Console.WriteLine($"  {run.Title}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    {f.DeliveredPerSecond,9:N0} delivered/s ({f.SentPerSecond:N0} sent/s){ratio}; cpu {f.CpuMsPerMessage:0.000} ms/msg{Server(f)}, alloc {f.AllocatedBytesPerMessage / 1024:N1} KiB/msg, cpu use {f.CpuUtilisation:P0}"));
        foreach (var l in f.Latency)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    {l.Name,-9} p50 {l.P50,8:0.00}  p90 {l.P90,8:0.00}  p99 {l.P99,8:0.00}  p99.9 {l.P999,8:0.00}  max {l.Max,8:0.00} ms  (n={l.Count})"));
        if (f.FailedSends > 0 || f.Undelivered > 0 || f.Skipped > 0)
            Console.WriteLine($"    failed sends {f.FailedSends}, undelivered after drain {f.Undelivered}, offered but skipped {f.Skipped}");
        foreach (var reason in f.FailureReasons.Take(3))
            Console.WriteLine($"    failure: {reason}");
    }

    private static string Server(RunFigures f) =>
        f.ServerCpuMsPerMessage > 0 ? string.Create(CultureInfo.InvariantCulture, $" (+{f.ServerCpuMsPerMessage:0.000} PostgreSQL/Redis)") : "";
}
