using Orleans.Configuration;

namespace Article42.Mesh.IntegrationTests;

/// <summary>The flags every cluster-profile silo process of these tests shares, on loopback with a throwaway Redis and PostgreSQL.</summary>
public static class ClusterSiloFlags
{
    /// <summary>The cluster secret of these silos: a test's own operator work (placement, the management grain) carries it through <see cref="ClusterSecretScope"/>.</summary>
    public const string ClusterSecret = "cluster-secret-for-the-integration-tests";

    /// <summary><c>--profile cluster</c> advertising 127.0.0.1, its servers, its keys and the tests' cluster secret.</summary>
    public static string[] For(RedisServer redis, string journal, string keys) =>
    [
        "--profile", "cluster", "--advertise-ip", "127.0.0.1", "--redis", redis.ConnectionString, "--postgres", journal, "--keys", keys,
        $"--Security:ClusterSecret={ClusterSecret}",
    ];

    /// <summary><see cref="For(RedisServer, string, string)"/> with the servers, journal and keys of <paramref name="cluster"/>.</summary>
    public static string[] For(ClusterHome cluster) => For(cluster.Redis, cluster.Journal, cluster.Keys);

    /// <summary>
    /// How long the shipped failure detection (Orleans' defaults: the cluster profile sets no <c>Membership:*</c>) may
    /// take to declare a killed silo dead: the missed probes, then a table refresh for the votes. The tests run with it:
    /// a one-second probe timeout missed twice declared a silo that was still starting on a loaded machine dead, and it
    /// killed itself before it was ready (a whole-suite run, issue 24).
    /// </summary>
    public static TimeSpan DeathDeclaredWithin
    {
        get
        {
            var shipped = new ClusterMembershipOptions();
            return (shipped.ProbeTimeout * shipped.NumMissedProbesLimit) + shipped.TableRefreshTimeout;
        }
    }
}
