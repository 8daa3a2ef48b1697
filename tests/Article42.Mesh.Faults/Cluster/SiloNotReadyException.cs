namespace Article42.Mesh.Faults.Cluster;

/// <summary>
/// A silo start that did not print <c>ready</c> in time (<see cref="SiloNode.ReadyWithin"/>): the round it happened in
/// fails with this reason, and the run repairs the cluster before the next round (<see cref="FaultCluster.RepairAsync"/>).
/// </summary>
public sealed class SiloNotReadyException : TimeoutException
{
    public SiloNotReadyException()
    {
    }

    public SiloNotReadyException(string message)
        : base(message)
    {
    }

    public SiloNotReadyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
