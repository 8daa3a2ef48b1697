using Article42.Mesh.Faults.Cluster;

namespace Article42.Mesh.Faults.Nemeses;

/// <summary>The nemeses that hurt what the silos stand on: the PostgreSQL journal and the Redis membership table.</summary>
public static class InfrastructureNemeses
{
    public static Nemesis PostgresRestart { get; } = new("postgres-immediate-restart", "pg_ctl stop -m immediate (a crash: no checkpoint) under load, 2 s down, then start again", async context =>
    {
        await context.Cluster.Postgres.StopAsync();
        context.Note("PostgreSQL stopped (immediate)");
        await context.HoldAsync(TimeSpan.FromSeconds(2));
        await context.Cluster.Postgres.StartAgainAsync();
        return context.Note("PostgreSQL started again");
    });

    /// <summary>Down longer than a silo's I-am-alive period, so every silo's write to the membership table meets a dead server.</summary>
    internal static readonly TimeSpan RedisDown = MembershipStatement.Shipped.IAmAliveTablePublishTimeout + TimeSpan.FromSeconds(5);

    public static Nemesis RedisKill { get; } = new("redis-sigkill", $"SIGKILL redis-server (the membership table) under load, {RedisDown.TotalSeconds:0} s down (longer than IAmAliveTablePublishTimeout), then start it again on the same port with its append-only file", async context =>
    {
        await context.Cluster.Redis.KillAsync();
        context.Note("Redis killed");
        await context.HoldAsync(RedisDown);
        await context.Cluster.Redis.StartAgainAsync();
        return context.Note("Redis started again");
    });

    /// <summary>Longer than Npgsql's default command timeout (30 s): the journal's calls fail, they do not only wait.</summary>
    internal static readonly TimeSpan PostgresFrozen = TimeSpan.FromSeconds(35);

    public static Nemesis PostgresFreeze { get; } = new("postgres-freeze", $"SIGSTOP the PostgreSQL postmaster and every backend under load (connections open, nothing answers), {PostgresFrozen.TotalSeconds:0} s, then SIGCONT", async context =>
    {
        var frozen = await ServerProcesses.PostgresAsync(context.Cluster.Postgres.Port);
        await Signals.StopAllAsync(frozen);
        context.Note($"SIGSTOP PostgreSQL ({frozen.Count} processes)");
        try
        {
            await context.HoldAsync(PostgresFrozen);
        }
        finally
        {
            await Signals.ContinueAllAsync(frozen);
        }
        return context.Note("SIGCONT PostgreSQL");
    });

    public static Nemesis RedisPause { get; } = new("redis-pause", $"SIGSTOP redis-server (the membership table: connections open, nothing answers) under load, {RedisDown.TotalSeconds:0} s (longer than IAmAliveTablePublishTimeout), then SIGCONT", async context =>
    {
        var redis = await ServerProcesses.RedisAsync(context.Cluster.Redis.Port);
        await Signals.StopAsync(redis);
        context.Note("SIGSTOP Redis");
        try
        {
            await context.HoldAsync(RedisDown);
        }
        finally
        {
            await Signals.ContinueAsync(redis);
        }
        return context.Note("SIGCONT Redis");
    });
}
