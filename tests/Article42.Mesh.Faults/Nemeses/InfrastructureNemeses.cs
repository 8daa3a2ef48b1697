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
}
