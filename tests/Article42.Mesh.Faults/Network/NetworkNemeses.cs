using Article42.Mesh.Faults.Cluster;
using Article42.Mesh.Faults.Nemeses;

namespace Article42.Mesh.Faults.Network;

/// <summary>
/// The nemeses that hurt the network between the cluster's namespaces (<see cref="Firewall"/> rules inside them, healed
/// after a set time): silo partitions (one silo, halves, one-way, one beyond failure detection), a gateway cut off from
/// the silos, a gateway's connections cut, a partition with a kill, and latency between the gateway clients and the silos
/// (through proxies in the clients' namespaces).
/// </summary>
public static class NetworkNemeses
{
    /// <summary>Shorter than failure detection (ProbeTimeout × NumMissedProbesLimit = 15 s): the cluster must ride it out.</summary>
    private static readonly TimeSpan Brief = TimeSpan.FromSeconds(8);

    /// <summary>How long the new connections of a cut gateway are refused.</summary>
    private static readonly TimeSpan Moment = TimeSpan.FromSeconds(2);

    /// <summary>Longer than failure detection: the isolated silo is declared dead by the others.</summary>
    private static readonly TimeSpan BeyondDetection =
        (MembershipStatement.Shipped.ProbeTimeout * MembershipStatement.Shipped.NumMissedProbesLimit) + TimeSpan.FromSeconds(15);

    /// <summary>How long a silo declared dead may take to stop itself once healed, before the timeline says ANOMALY and it is killed.</summary>
    private static readonly TimeSpan StopsItselfWithin = TimeSpan.FromSeconds(60);

    public static Nemesis SiloPartition { get; } = new("silo-partition", $"cut one silo off from the other silos (both directions; it keeps PostgreSQL, Redis and its gateways) for {Brief.TotalSeconds:0} s, shorter than failure detection, then heal", async context =>
    {
        var (silo, others) = PickSilo(context);
        await Firewall.SeparateAsync(silo, others);
        context.Note($"partition: {silo.Name} cut off from {Names(others)}");
        await context.HoldAsync(Brief);
        return await HealAsync(context);
    });

    public static Nemesis SiloPartitionHalves { get; } = new("silo-partition-halves", $"split silos and gateways in two sides, one silo and one gateway against the rest (both keep PostgreSQL and Redis), for {Brief.TotalSeconds:0} s, then heal", async context =>
    {
        var network = NetworkOf(context);
        var silos = SiloNodes(context);
        var clients = ClientNodes(context);
        List<NetworkNode> small = [context.Pick(silos), context.Pick(clients)];
        var large = silos.Concat(clients).Except(small).ToList();
        foreach (var node in small)
            await Firewall.SeparateAsync(node, large);
        context.Note($"partition: {Names(small)} | {Names(large)}");
        await context.HoldAsync(Brief);
        return await HealAsync(context);
    });

    public static Nemesis SiloPartitionOneWay { get; } = new("silo-partition-one-way", $"one silo hears nothing from the other silos (iptables DROP on its input only; what it sends still arrives) for {Brief.TotalSeconds:0} s, then heal", async context =>
    {
        var (silo, others) = PickSilo(context);
        await Firewall.DropFromAsync(silo, others);
        context.Note($"one-way partition: {silo.Name} receives nothing from {Names(others)}");
        await context.HoldAsync(Brief);
        return await HealAsync(context);
    });

    public static Nemesis SiloPartitionBeyondDetection { get; } = new("silo-partition-beyond-detection", $"cut one silo off from the other silos for {BeyondDetection.TotalSeconds:0} s, beyond failure detection: the others declare it dead; healed, it must stop itself ({StopsItselfWithin.TotalSeconds:0} s allowed), and is started again", async context =>
    {
        var (node, others) = PickSilo(context);
        var silo = context.Cluster.Silos[SiloNodes(context).ToList().IndexOf(node)];
        await Firewall.SeparateAsync(node, others);
        context.Note($"partition: {node.Name} cut off from {Names(others)} for {BeyondDetection.TotalSeconds:0} s");
        await context.HoldAsync(BeyondDetection);
        await Firewall.HealAsync(NetworkOf(context).Nodes);
        context.Note("healed");
        try
        {
            await silo.Process!.ExitCodeAsync(StopsItselfWithin);
            context.Note($"{silo.Name} stopped itself, as a silo declared dead must");
        }
        catch (TimeoutException)
        {
            context.Note($"ANOMALY {silo.Name} still running {StopsItselfWithin.TotalSeconds:0} s after the heal although declared dead; killed");
        }
        await silo.StartAsync();
        return context.Note($"{silo.Name} started again and ready");
    });

    public static Nemesis GatewayPartition { get; } = new("gateway-partition", $"cut one gateway client off from every silo (both directions) for {Brief.TotalSeconds:0} s, then heal", async context =>
    {
        var client = context.Pick(ClientNodes(context));
        var silos = SiloNodes(context);
        await Firewall.SeparateAsync(client, silos);
        context.Note($"partition: gateway {client.Name} cut off from {Names(silos)}");
        await context.HoldAsync(Brief);
        return await HealAsync(context);
    });

    public static Nemesis GatewayConnectionCut { get; } = new("gateway-connection-cut", $"close every TCP connection of one gateway client to the silos (ss -K, the silos get resets) and refuse its reconnections with resets for {Moment.TotalSeconds:0} s, then heal", async context =>
    {
        var client = context.Pick(ClientNodes(context));
        var silos = SiloNodes(context);
        await Firewall.CutConnectionsAsync(client, silos);
        context.Note($"connections of gateway {client.Name} to {Names(silos)} cut, reconnections refused");
        await context.HoldAsync(Moment);
        return await HealAsync(context);
    });

    public static Nemesis PartitionAndKill { get; } = new("silo-partition-and-sigkill", $"compound: cut one silo off from the others for {Brief.TotalSeconds:0} s and SIGKILL another meanwhile; heal, start the killed one again", async context =>
    {
        var (node, others) = PickSilo(context);
        var victim = context.Cluster.Silos[SiloNodes(context).ToList().IndexOf(context.Pick(others))];
        await Firewall.SeparateAsync(node, others);
        context.Note($"partition: {node.Name} cut off from {Names(others)}");
        await victim.KillAsync();
        context.Note($"SIGKILL {victim.Name}");
        await context.HoldAsync(Brief);
        await Firewall.HealAsync(NetworkOf(context).Nodes);
        context.Note("healed");
        await victim.StartAsync();
        return context.Note($"{victim.Name} started again and ready");
    });

    /// <summary>How much of a lossy silo's traffic is dropped, each way, and for how long.</summary>
    private const double Loss = 0.2;

    private static readonly TimeSpan Lossy = TimeSpan.FromSeconds(20);

    public static Nemesis SiloPostgresPartition { get; } = new("silo-postgres-partition", $"cut one silo off from PostgreSQL (both directions, DROP: its open connections hang) for {InfrastructureNemeses.PostgresFrozen.TotalSeconds:0} s, beyond Npgsql's 30 s command timeout, then heal; the other silos keep their journal", async context =>
    {
        var (silo, _) = PickSilo(context);
        var postgres = NetworkOf(context)[ClusterNodes.Postgres];
        await Firewall.SeparateAsync(silo, [postgres]);
        context.Note($"partition: {silo.Name} cut off from {postgres.Name}");
        await context.HoldAsync(InfrastructureNemeses.PostgresFrozen);
        return await HealAsync(context);
    });

    public static Nemesis SiloRedisPartition { get; } = new("silo-redis-partition", $"cut one silo off from Redis, the membership table (both directions) for {InfrastructureNemeses.RedisDown.TotalSeconds:0} s, longer than IAmAliveTablePublishTimeout, then heal; the silos still reach each other", async context =>
    {
        var (silo, _) = PickSilo(context);
        var redis = NetworkOf(context)[ClusterNodes.Redis];
        await Firewall.SeparateAsync(silo, [redis]);
        context.Note($"partition: {silo.Name} cut off from {redis.Name}");
        await context.HoldAsync(InfrastructureNemeses.RedisDown);
        return await HealAsync(context);
    });

    public static Nemesis SiloPacketLoss { get; } = new("silo-packet-loss", $"drop {Loss * 100:0}% of one silo's packets at random, each way, on all its traffic (silos, gateways, PostgreSQL, Redis; iptables -m statistic) for {Lossy.TotalSeconds:0} s, then heal", async context =>
    {
        var (silo, _) = PickSilo(context);
        await Firewall.LoseAsync(silo, Loss);
        context.Note($"packet loss: {silo.Name} drops {Loss * 100:0}% of what it sends and receives");
        await context.HoldAsync(Lossy);
        return await HealAsync(context);
    });

    /// <summary>Added to each way of every client-to-gateway connection during <c>gateway-latency</c>: 0.5 s a round trip.</summary>
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(20);

    public static Nemesis GatewayLatency { get; } = new("gateway-latency", $"every gateway client reaches the silos through latency proxies in its own namespace (127.0.0.1 at each silo's gateway port); {Latency.TotalMilliseconds:0} ms added each way for {Slow.TotalSeconds:0} s, then 0", async context =>
    {
        NetworkOf(context);
        await Task.WhenAll(context.Proxies.Select(p => p.SetDelayAsync(Latency)));
        context.Note($"latency: {Latency.TotalMilliseconds:0} ms each way between every gateway client and the silos");
        await context.HoldAsync(Slow);
        await Task.WhenAll(context.Proxies.Select(p => p.SetDelayAsync(TimeSpan.Zero)));
        return context.Note("healed: no added latency");
    }, ThroughProxies: true);

    private static NamespaceNetwork NetworkOf(NemesisContext context) =>
        context.Cluster.Network ?? throw new InvalidOperationException("a network nemesis needs the cluster in network namespaces (FaultCluster.StartAsync namespaces: true)");

    private static IReadOnlyList<NetworkNode> SiloNodes(NemesisContext context) =>
        [.. Enumerable.Range(0, context.Cluster.Silos.Count).Select(i => NetworkOf(context)[ClusterNodes.Silo(i)])];

    private static IReadOnlyList<NetworkNode> ClientNodes(NemesisContext context) =>
        [.. Enumerable.Range(0, context.Clients.Count).Select(i => NetworkOf(context)[ClusterNodes.Client(i)])];

    private static (NetworkNode Silo, IReadOnlyList<NetworkNode> Others) PickSilo(NemesisContext context)
    {
        var silos = SiloNodes(context);
        var silo = context.Pick(silos);
        return (silo, [.. silos.Where(s => s != silo)]);
    }

    private static async Task<DateTimeOffset> HealAsync(NemesisContext context)
    {
        await Firewall.HealAsync(NetworkOf(context).Nodes);
        return context.Note("healed");
    }

    private static string Names(IEnumerable<NetworkNode> nodes) => string.Join(", ", nodes.Select(n => n.Name));
}
