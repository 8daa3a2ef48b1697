using Article42.Mesh.Faults.Clients;
using Article42.Mesh.Faults.Cluster;
using Article42.Mesh.Faults.Network;
using Article42.Mesh.Faults.Runs;

namespace Article42.Mesh.Faults.Nemeses;

/// <summary>What a nemesis may hurt, where it notes what it did, and the run's seeded randomness.</summary>
public sealed record NemesisContext(FaultCluster Cluster, IReadOnlyList<ClientNode> Clients, Timeline Timeline, string Scenario, Random Random, TimeProvider Clock)
{
    /// <summary>The clients' proxies, one per client, when the nemesis asked for them (<see cref="Nemesis.ThroughProxies"/>); else none.</summary>
    public IReadOnlyList<GatewayProxies> Proxies { get; init; } = [];

    public DateTimeOffset Note(string what) => Timeline.Note(Scenario, what);

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    /// <summary>How long a fault lasts: the fault itself, not a wait for something to happen.</summary>
    public Task HoldAsync(TimeSpan length) => Task.Delay(length, Clock);
}
