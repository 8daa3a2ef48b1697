using System.Collections.Concurrent;
using StackExchange.Redis;

namespace Article42.Mesh.Hosting.Tls;

/// <summary>
/// The book of the cluster profiles, in the Redis that already holds membership: one hash per client id, its
/// participant (set once: a client id never changes participant while the hash lives) and one field per gateway
/// connection holding it (<c>gateway silo/connection id</c> → thumbprint and expiry). Each change is one script, so
/// two gateway silos cannot both bind one client id to different certificates. A connection's field goes when it
/// closes, or expires a <see cref="Lifetime"/> after its last renewal (its silo died); the hash, and with it the
/// participant, lives a <see cref="Lifetime"/> past the last binding, and its expiry only ever moves later, so a silo
/// may keep what it read until that expiry: a client's calls cost one Redis read per silo.
/// </summary>
internal sealed class RedisGatewayIdentityBook(IConnectionMultiplexer redis, string serviceId) : IGatewayIdentityBook, IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);
    private const int CacheLimit = 10_000;

    // Returns nil when bound, else {participant, thumbprint, holder} of what is in the way. Expired holders are dropped.
    private const string BindScript = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local participant = redis.call('HGET', KEYS[1], 'participant')
        if participant and participant ~= ARGV[1] then
          return {participant, '', ''}
        end
        local fields = redis.call('HGETALL', KEYS[1])
        for i = 1, #fields, 2 do
          local holder = fields[i]
          if string.sub(holder, 1, 7) == 'holder:' then
            local space = string.find(fields[i + 1], ' ', 1, true)
            local thumbprint = string.sub(fields[i + 1], 1, space - 1)
            if tonumber(string.sub(fields[i + 1], space + 1)) <= now then
              redis.call('HDEL', KEYS[1], holder)
            elseif thumbprint ~= ARGV[3] then
              return {ARGV[1], thumbprint, string.sub(holder, 8)}
            end
          end
        end
        redis.call('HSET', KEYS[1], 'participant', ARGV[1], 'holder:' .. ARGV[2], ARGV[3] .. ' ' .. (now + tonumber(ARGV[4])))
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        return false
        """;

    // Drops the holder's field if it is still this certificate's.
    private const string ReleaseScript = """
        local value = redis.call('HGET', KEYS[1], 'holder:' .. ARGV[1])
        if value and string.sub(value, 1, #ARGV[2] + 1) == ARGV[2] .. ' ' then
          redis.call('HDEL', KEYS[1], 'holder:' .. ARGV[1])
        end
        return false
        """;

    // {milliseconds the hash still lives, participant}; the participant is absent when the hash is.
    private const string FindScript = """
        return {redis.call('PTTL', KEYS[1]), redis.call('HGET', KEYS[1], 'participant')}
        """;

    private readonly ConcurrentDictionary<string, (string Participant, long Until)> _cache = new(StringComparer.Ordinal);

    public async Task<GatewayBinding?> BindAsync(string client, GatewayBinding binding)
    {
        var result = await redis.GetDatabase().ScriptEvaluateAsync(BindScript, [Key(client)],
            [binding.Participant, binding.Holder, binding.Thumbprint, (long)Lifetime.TotalMilliseconds]).ConfigureAwait(false);
        if (result.IsNull)
            return null;
        var other = (string[])result!;
        return new GatewayBinding(other[0], other[1], other[2]);
    }

    public Task ReleaseAsync(string client, GatewayBinding binding) =>
        redis.GetDatabase().ScriptEvaluateAsync(ReleaseScript, [Key(client)], [binding.Holder, binding.Thumbprint]);

    public async Task<string?> FindAsync(string client)
    {
        if (_cache.TryGetValue(client, out var known) && Environment.TickCount64 < known.Until)
            return known.Participant;
        var found = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(FindScript, [Key(client)]).ConfigureAwait(false))!;
        if (found.Length < 2 || found[1].IsNull)
            return null;
        var participant = (string)found[1]!;
        Remember(client, participant, (long)found[0]);
        return participant;
    }

    private void Remember(string client, string participant, long livesMilliseconds)
    {
        // Client ids come and go with gateway restarts; a full cache starts over rather than growing without end.
        if (_cache.Count >= CacheLimit)
            _cache.Clear();
        _cache[client] = (participant, Environment.TickCount64 + livesMilliseconds);
    }

    public void Dispose() => redis.Dispose();

    private RedisKey Key(string client) => $"a42:{serviceId}:tls-binding:{client}";
}
