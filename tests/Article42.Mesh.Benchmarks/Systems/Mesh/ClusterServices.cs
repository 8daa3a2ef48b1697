using Article42.Mesh.Load.Measuring;
using Article42.Mesh.TestKit;

namespace Article42.Mesh.Benchmarks.Systems.Mesh;

/// <summary>
/// The throwaway PostgreSQL (fsync on: the durability the cluster profile promises) and Redis of the cluster-profile
/// runs, started on first use and shared by them; each run gets its own database and cluster id.
/// </summary>
internal sealed class ClusterServices : IAsyncDisposable
{
    private PostgresServer? _postgres;
    private RedisServer? _redis;
    private int _databases;

    public async Task<(string Postgres, string Redis)> ForNextRunAsync()
    {
        _postgres ??= await PostgresServer.StartAsync(fsync: true);
        _redis ??= await RedisServer.StartAsync();
        var database = await _postgres.CreateDatabaseAsync($"bench_{++_databases}");
        return (database, _redis.ConnectionString);
    }

    /// <summary>PostgreSQL's postmaster (its backends are its children) and redis-server.</summary>
    public ServerProcesses Processes() => new(() =>
    {
        var roots = new List<int>();
        if (_postgres is not null)
            roots.AddRange(ServerProcesses.Matching($"-p {_postgres.Port} "));
        if (_redis is not null)
            roots.AddRange(ServerProcesses.Matching($":{_redis.Port}"));
        return roots;
    });

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null)
            await _redis.DisposeAsync();
        if (_postgres is not null)
            await _postgres.DisposeAsync();
    }
}
