using Article42.Mesh.Protocol;

namespace Article42.Mesh.TestKit;

/// <summary>
/// What a test of cluster-profile silo processes needs before its first silo starts: a temporary home, a throwaway
/// Redis (membership) and PostgreSQL (the journal's server), the mesh's journal database on it, a trust store of the
/// default registry and, when asked, its TLS directory (a development CA, silo and participant certificates). Disposing
/// stops the servers and removes the home; dispose the silos first (declare this before them).
/// </summary>
public sealed class ClusterHome : IAsyncDisposable
{
    private readonly TempDirectory _home;

    private ClusterHome(TempDirectory home, RedisServer redis, PostgresServer postgres, string journal, TrustStore store)
    {
        _home = home;
        Redis = redis;
        Postgres = postgres;
        Journal = journal;
        Store = store;
    }

    /// <summary>The temporary directory the silos and <c>a42</c> run in (their <c>A42_HOME</c>).</summary>
    public string Path => _home.Path;

    public RedisServer Redis { get; }

    public PostgresServer Postgres { get; }

    /// <summary>The connection string of the journal's database, <c>mesh</c>.</summary>
    public string Journal { get; }

    /// <summary>The trust store of the default registry, in <see cref="Keys"/>.</summary>
    public TrustStore Store { get; }

    /// <summary>The trust store's directory, <c>keys</c> under the home.</summary>
    public string Keys => Store.Directory;

    /// <summary>The trust store's TLS directory; its files exist only when <see cref="StartAsync"/> was asked for them.</summary>
    public TlsDirectory Tls => TlsDirectory.Of(Keys);

    /// <summary>
    /// Starts both servers (at once), creates the journal database and the trust store, and with
    /// <paramref name="withTls"/> the TLS directory for every participant of the registry, valid from a day ago (a
    /// certificate that starts only now is a clock's breadth from not yet valid).
    /// </summary>
    public static async Task<ClusterHome> StartAsync(bool withTls = false)
    {
        var home = new TempDirectory("a42-cluster-");
        var redis = RedisServer.StartAsync();
        var postgres = PostgresServer.StartAsync();
        try
        {
            await Task.WhenAll(redis, postgres).ConfigureAwait(false);
            var journal = await postgres.Result.CreateDatabaseAsync("mesh").ConfigureAwait(false);
            var store = TrustStore.Create(System.IO.Path.Combine(home.Path, "keys"), ParticipantRegistry.Default);
            if (withTls)
                TlsDirectory.Of(store.Directory).Create(store.Registry.Participants.Select(p => p.Id), DateTimeOffset.UtcNow.AddDays(-1));
            return new ClusterHome(home, redis.Result, postgres.Result, journal, store);
        }
        catch
        {
            await DisposeStartedAsync(redis).ConfigureAwait(false);
            await DisposeStartedAsync(postgres).ConfigureAwait(false);
            home.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Postgres.DisposeAsync().ConfigureAwait(false);
        await Redis.DisposeAsync().ConfigureAwait(false);
        _home.Dispose();
    }

    /// <summary>Stops a server whose start succeeded while the other's failed (both have ended once <c>WhenAll</c> has).</summary>
    private static async Task DisposeStartedAsync<T>(Task<T> start)
        where T : IAsyncDisposable
    {
        if (start.IsCompletedSuccessfully)
            await start.Result.DisposeAsync().ConfigureAwait(false);
    }
}
