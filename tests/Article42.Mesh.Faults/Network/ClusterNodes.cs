using System.Globalization;

namespace Article42.Mesh.Faults.Network;

/// <summary>The names of a fault cluster's network nodes, each a namespace: PostgreSQL, Redis, the silos and the scenario's three gateway clients.</summary>
public static class ClusterNodes
{
    public const string Postgres = "postgres";
    public const string Redis = "redis";

    /// <summary>Gateway clients per scenario: a scenario's clients take these namespaces in turn.</summary>
    public const int Clients = 3;

    public static string Silo(int index) => $"silo-{(char)('a' + index)}";

    public static string Client(int index) => string.Create(CultureInfo.InvariantCulture, $"gw-{index}");

    public static IReadOnlyList<string> Names(int silos) =>
        [Postgres, Redis, .. Enumerable.Range(0, silos).Select(Silo), .. Enumerable.Range(0, Clients).Select(Client)];
}
