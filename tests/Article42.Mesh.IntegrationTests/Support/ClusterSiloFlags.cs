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

    /// <summary>Failure detection in seconds rather than the default minute, so a killed silo is declared dead while the test waits.</summary>
    public static readonly string[] QuickFailureDetection =
        ["--Membership:ProbeTimeout=00:00:01", "--Membership:NumMissedProbesLimit=2", "--Membership:TableRefreshTimeout=00:00:02"];
}
