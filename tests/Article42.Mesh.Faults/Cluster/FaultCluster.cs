using System.Net;
using Article42.Mesh.Faults.Network;

namespace Article42.Mesh.Faults.Cluster;

/// <summary>
/// The cluster profile as the suite runs it: three silo processes on a throwaway PostgreSQL journal and Redis
/// membership, each in a network namespace of its own (or all on loopback), started once and hurt by the nemeses.
/// </summary>
public sealed class FaultCluster : IAsyncDisposable
{
    public const string ClusterSecret = "cluster-secret-of-the-fault-suite";
    private const string OperatorToken = "operator-token-of-the-fault-suite";

    private FaultCluster(string directory, RedisServer redis, PostgresServer postgres, string keys, IReadOnlyList<SiloNode> silos, NamespaceNetwork? network)
    {
        Directory = directory;
        Redis = redis;
        Postgres = postgres;
        Keys = keys;
        Silos = silos;
        Network = network;
    }

    /// <summary>The run's namespaces (null: everything on loopback, and no network nemesis can run).</summary>
    public NamespaceNetwork? Network { get; }

    /// <summary>Where the scenario's client <paramref name="index"/> runs: its namespace, or loopback.</summary>
    public NetworkPlace ClientPlace(int index) => Network?[ClusterNodes.Client(index)].Place ?? NetworkPlace.Loopback;

    public string Directory { get; }

    public RedisServer Redis { get; }

    public PostgresServer Postgres { get; }

    /// <summary>The trust store: <see cref="Registry"/> with a key per participant.</summary>
    public string Keys { get; }

    public IReadOnlyList<SiloNode> Silos { get; }

    /// <summary>The silos' gateway endpoints, every one given to each client (as a national gateway is configured).</summary>
    public ImmutableArray<IPEndPoint> Gateways => [.. Silos.Select(s => new IPEndPoint(IPAddress.Parse(s.Place.Address), s.GatewayPort))];

    /// <summary>
    /// Who the mesh knows: the default registry and every bench participant, so that each round of a run has
    /// participants of its own (<see cref="Runs.RoundParticipants"/>).
    /// </summary>
    public static ParticipantRegistry Registry { get; } =
        new([.. ParticipantRegistry.Default.Participants, .. BenchParticipants.Create(BenchParticipants.Max)]);

    /// <summary>How long a SIGTERMed silo may take: its own shutdown timeout and a margin.</summary>
    public static readonly TimeSpan ShutdownWithin = TimeSpan.FromSeconds(45);

    /// <summary>
    /// Starts the cluster; with <paramref name="namespaces"/>, every server and client in a network namespace of its own
    /// (<see cref="ClusterNodes"/>, the safety rule checked first), else everything on loopback.
    /// </summary>
    public static async Task<FaultCluster> StartAsync(string directory, int silos = 3, SiloProgram? program = null, bool namespaces = false)
    {
        program ??= SiloProgram.Shipped;
        NamespaceNetwork? network = null;
        RedisServer? redis = null;
        PostgresServer? postgres = null;
        var nodes = new List<SiloNode>();
        try
        {
            network = namespaces ? await NamespaceNetwork.CreateAsync(ClusterNodes.Names(silos)) : null;
            NetworkPlace Place(string node) => network?[node].Place ?? NetworkPlace.Loopback;
            // Persistent, so the Redis nemesis can kill it and start it again with its membership table.
            redis = await RedisServer.StartAsync(Path.Combine(directory, "redis"), Place(ClusterNodes.Redis));
            postgres = await PostgresServer.StartAsync(place: Place(ClusterNodes.Postgres));
            var journal = await postgres.CreateDatabaseAsync("mesh");
            var keys = Path.Combine(directory, "keys");
            TrustStore.Create(keys, Registry);
            string[] shared =
            [
                "--profile", "cluster", "--redis", redis.ConnectionString, "--postgres", journal, "--keys", keys,
                $"--Security:ClusterSecret={ClusterSecret}", $"--Http:OperatorToken={OperatorToken}", "--Shutdown:Timeout=00:00:15",
            ];
            var home = Path.Combine(directory, "home");
            var logs = new ProcessLogs(Path.Combine(directory, "logs"));
            System.IO.Directory.CreateDirectory(home);
            for (var i = 0; i < silos; i++)
            {
                var ports = FreePorts.Take(3);
                nodes.Add(new SiloNode($"silo {(char)('A' + i)}", ports[0], ports[1], ports[2], home, shared, logs, program, Place(ClusterNodes.Silo(i))));
                // One after another: the first silo creates the journal's schema, and two cores start three silos slowly anyway.
                await nodes[^1].StartAsync();
            }
            return new FaultCluster(directory, redis, postgres, keys, nodes, network);
        }
        catch
        {
            foreach (var node in nodes)
                await node.DisposeAsync();
            if (postgres is not null)
                await postgres.DisposeAsync();
            if (redis is not null)
                await redis.DisposeAsync();
            if (network is not null)
                await network.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// After a round that failed part-way (a silo start not ready in time, a nemesis that threw before its heal): flushes
    /// every partition rule and leaves each silo running and ready (<see cref="SiloNode.RepairAsync"/>, up to
    /// <see cref="SiloNode.ReadyWithin"/> more each), so that the next round starts on the whole cluster. Returns what
    /// it did (empty: nothing was needed). Throws <see cref="SiloNotReadyException"/> when a silo cannot be made ready.
    /// </summary>
    public async Task<IReadOnlyList<string>> RepairAsync()
    {
        var done = new List<string>();
        if (Network is { } network)
            await Firewall.HealAsync(network.Nodes);
        foreach (var silo in Silos)
        {
            if (await silo.RepairAsync(SiloNode.ReadyWithin) is { } what)
                done.Add(what);
        }
        return done;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Silos)
            await silo.DisposeAsync();
        await Postgres.DisposeAsync();
        await Redis.DisposeAsync();
        if (Network is not null)
            await Network.DisposeAsync();
    }
}
