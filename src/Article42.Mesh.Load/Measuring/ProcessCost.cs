using System.Diagnostics;

namespace Article42.Mesh.Load.Measuring;

/// <summary>
/// CPU time and bytes allocated by this whole process (silo and gateways together: they share it) at one moment,
/// plus the CPU of the database and Redis server processes when the cluster profile runs them.
/// </summary>
public readonly record struct ProcessCost(TimeSpan Cpu, long AllocatedBytes, TimeSpan ServerCpu)
{
    public static ProcessCost Now(ServerProcesses? servers)
    {
        using var process = Process.GetCurrentProcess();
        return new ProcessCost(process.TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true), servers?.Cpu() ?? TimeSpan.Zero);
    }

    public static ProcessCost operator -(ProcessCost later, ProcessCost earlier) =>
        new(later.Cpu - earlier.Cpu, later.AllocatedBytes - earlier.AllocatedBytes, later.ServerCpu - earlier.ServerCpu);
}
