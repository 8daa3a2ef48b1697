using Article42.Mesh.Faults.Nemeses;
using Article42.Mesh.Faults.Network;

namespace Article42.Mesh.Faults.Runs;

/// <summary>The short form (CI): each fault class once, back to back, on one cluster.</summary>
public static class ShortForm
{
    /// <summary>
    /// In the order of issue 20's list. Left to the long form: the rolling restart (three silo starts, over 3 minutes on a
    /// loaded two-core machine, see docs/development/faults.md) and the zombie silo (a pause beyond
    /// failure detection).
    /// </summary>
    public static IReadOnlyList<Nemesis> Scenarios { get; } =
    [
        ProcessNemeses.SiloKill,
        ProcessNemeses.SiloTerminate,
        ProcessNemeses.SiloPause,
        ProcessNemeses.GatewayKill,
        InfrastructureNemeses.PostgresRestart,
        NetworkNemeses.SiloPartition,
        NetworkNemeses.GatewayConnectionCut,
    ];
}
