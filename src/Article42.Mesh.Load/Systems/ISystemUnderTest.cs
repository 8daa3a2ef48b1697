using Article42.Mesh.Load.Measuring;

namespace Article42.Mesh.Load.Systems;

/// <summary>A running mesh (or its raw twin) with one connected gateway per participant, each receiving and acknowledging.</summary>
public interface ISystemUnderTest : IAsyncDisposable
{
    /// <summary>"mesh", "raw" or "crypto".</summary>
    string Kind { get; }

    IReadOnlyList<IBenchGateway> Gateways { get; }

    DeliveryTracker Tracker { get; }

    /// <summary>Server processes whose CPU belongs to the run (PostgreSQL, Redis); null when there are none.</summary>
    ServerProcesses? Servers { get; }
}
