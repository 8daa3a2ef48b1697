using Article42.Mesh.Faults.Nemeses;

namespace Article42.Mesh.Faults.Runs;

/// <summary>The short form (CI): each fault class once, back to back, on one cluster.</summary>
public static class ShortForm
{
    /// <summary>In the order of issue 20's list; what is left out, and why, is in docs/development/faults.md.</summary>
    public static IReadOnlyList<Nemesis> Scenarios { get; } =
    [
        ProcessNemeses.SiloKill,
        ProcessNemeses.SiloTerminate,
        ProcessNemeses.SiloPause,
        ProcessNemeses.GatewayKill,
        ProcessNemeses.RollingRestart,
        InfrastructureNemeses.PostgresRestart,
    ];
}
