using System.Collections.Concurrent;
using StackExchange.Redis;

namespace Article42.Mesh.Hosting.Tls;

/// <summary>
/// The book of the cluster profiles, in the Redis that already holds membership: one key per client id, set once
/// (a client id never changes participant) with a day's lifetime that the gateway silo renews while the connection
/// lasts. Each silo keeps what it read, so a client's calls cost one Redis read per silo.
/// </summary>
internal sealed class RedisGatewayIdentityBook(IConnectionMultiplexer redis, string serviceId) : IGatewayIdentityBook, IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);
    private const int CacheLimit = 10_000;
    private readonly ConcurrentDictionary<string, string> _cache = new(StringComparer.Ordinal);

    public async Task<bool> BindAsync(string client, string participant)
    {
        var database = redis.GetDatabase();
        var key = Key(client);
        if (!await database.StringSetAsync(key, participant, Lifetime, When.NotExists).ConfigureAwait(false))
        {
            if (await database.StringGetAsync(key).ConfigureAwait(false) != participant)
                return false;
            await database.KeyExpireAsync(key, Lifetime).ConfigureAwait(false);
        }

        Remember(client, participant);
        return true;
    }

    public async Task<string?> FindAsync(string client)
    {
        if (_cache.TryGetValue(client, out var known))
            return known;
        var participant = (string?)await redis.GetDatabase().StringGetAsync(Key(client)).ConfigureAwait(false);
        if (participant is not null)
            Remember(client, participant);
        return participant;
    }

    private void Remember(string client, string participant)
    {
        // Client ids come and go with gateway restarts; a full cache starts over rather than growing without end.
        if (_cache.Count >= CacheLimit)
            _cache.Clear();
        _cache[client] = participant;
    }

    public void Dispose() => redis.Dispose();

    private RedisKey Key(string client) => $"a42:{serviceId}:tls-client:{client}";
}
