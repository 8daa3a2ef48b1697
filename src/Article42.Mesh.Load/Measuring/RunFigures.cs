namespace Article42.Mesh.Load.Measuring;

/// <summary>
/// What one measurement window gave: messages sent and copies delivered per second, end-to-end latency by precedence,
/// and the whole process's CPU time and allocations per delivered copy (silo and gateways share the process), plus the
/// database and Redis servers' CPU per copy where they run.
/// </summary>
public sealed record RunFigures(
    double Seconds,
    double SentPerSecond,
    double DeliveredPerSecond,
    IReadOnlyList<LatencyFigures> Latency,
    double CpuMsPerMessage,
    double AllocatedBytesPerMessage,
    double ServerCpuMsPerMessage,
    double CpuUtilisation,
    long FailedSends,
    long Undelivered,
    long Skipped,
    IReadOnlyList<string> FailureReasons)
{
    public LatencyFigures? Of(Precedence precedence) => Latency.FirstOrDefault(l => l.Precedence == precedence);
}
