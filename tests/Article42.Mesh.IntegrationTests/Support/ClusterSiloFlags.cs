namespace Article42.Mesh.IntegrationTests;

/// <summary>The flags every cluster-profile silo process of these tests shares, on loopback with a throwaway Redis and PostgreSQL.</summary>
public static class ClusterSiloFlags
{
    /// <summary><c>--profile cluster</c> advertising 127.0.0.1, its servers, its keys and the tests' cluster secret.</summary>
    public static string[] For(RedisServer redis, string journal, string keys) =>
    [
        "--profile", "cluster", "--advertise-ip", "127.0.0.1", "--redis", redis.ConnectionString, "--postgres", journal, "--keys", keys,
        "--Security:ClusterSecret=cluster-secret-for-the-integration-tests",
    ];

    /// <summary>Failure detection in seconds rather than the default minute, so a killed silo is declared dead while the test waits.</summary>
    public static readonly string[] QuickFailureDetection =
        ["--Membership:ProbeTimeout=00:00:01", "--Membership:NumMissedProbesLimit=2", "--Membership:TableRefreshTimeout=00:00:02"];
}
