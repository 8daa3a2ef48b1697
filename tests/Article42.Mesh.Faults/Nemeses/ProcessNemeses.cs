using Article42.Mesh.Faults.Cluster;

namespace Article42.Mesh.Faults.Nemeses;

/// <summary>The nemeses that hurt processes: silos and gateway clients, by signal.</summary>
public static class ProcessNemeses
{
    public static Nemesis SiloKill { get; } = new("silo-sigkill", "SIGKILL one silo under load, then start it again on the same ports", async context =>
    {
        var silo = context.Pick(context.Cluster.Silos);
        await silo.KillAsync();
        context.Note($"SIGKILL {silo.Name}");
        await silo.StartAsync();
        return context.Note($"{silo.Name} started again and ready");
    });

    public static Nemesis SiloTerminate { get; } = new("silo-sigterm", "SIGTERM one silo under load (a graceful leave), then start it again", async context =>
    {
        var silo = context.Pick(context.Cluster.Silos);
        context.Note($"SIGTERM {silo.Name}");
        await silo.TerminateAsync(FaultCluster.ShutdownWithin);
        context.Note($"{silo.Name} exited");
        await silo.StartAsync();
        return context.Note($"{silo.Name} started again and ready");
    });

    public static Nemesis SiloPause { get; } = new("silo-sigstop-3s", "SIGSTOP one silo for 3 s, then SIGCONT: shorter than the membership's failure detection", async context =>
    {
        var silo = context.Pick(context.Cluster.Silos);
        await silo.PauseAsync();
        context.Note($"SIGSTOP {silo.Name}");
        await context.HoldAsync(TimeSpan.FromSeconds(3));
        await silo.ResumeAsync();
        return context.Note($"SIGCONT {silo.Name}");
    });

    public static Nemesis SiloZombie { get; } = new("silo-sigstop-beyond-membership",
        $"SIGSTOP one silo {ZombieSilo.Pause.TotalSeconds:0} s (beyond the membership's failure detection, connection liveness included), then SIGCONT: a zombie declared dead wakes up; it must stop itself, and is started again",
        async context =>
        {
            var silo = context.Pick(context.Cluster.Silos);
            var exit = await ZombieSilo.PauseBeyondMembershipAsync(silo, what => context.Note(what), context.Clock);
            var told = silo.Process!.Errors.Any(l => l.Contains(ZombieSilo.ToldItIsDead, StringComparison.Ordinal));
            context.Note(exit is { } code
                ? $"{silo.Name} stopped itself (exit {code}{(told ? ", told it is dead" : ", ANOMALY: not for being declared dead")})"
                : $"ANOMALY {silo.Name} still running {ZombieSilo.StopsWithin.TotalSeconds:0} s after waking{(told ? " although told it is dead" : "")}; killed");
            if (exit is null)
                await silo.KillAsync();
            await silo.StartAsync();
            return context.Note($"{silo.Name} started again and ready");
        });

    public static Nemesis GatewayKill { get; } = new("gateway-sigkill", "SIGKILL one gateway client process mid-batch (sends in flight, messages handed and not acknowledged), then start it again on its state", async context =>
    {
        var client = context.Pick(context.Clients);
        await client.KillAsync();
        context.Note($"SIGKILL client {client.Participant}");
        await client.StartAsync();
        return context.Note($"client {client.Participant} started again");
    });

    public static Nemesis RollingRestart { get; } = new("rolling-restart", "SIGTERM and start again every silo, one after another, under load", async context =>
    {
        foreach (var silo in context.Cluster.Silos)
        {
            context.Note($"SIGTERM {silo.Name}");
            await silo.TerminateAsync(FaultCluster.ShutdownWithin);
            context.Note($"{silo.Name} exited");
            await silo.StartAsync();
            context.Note($"{silo.Name} started again and ready");
        }
        return context.Note("every silo restarted");
    });
}
