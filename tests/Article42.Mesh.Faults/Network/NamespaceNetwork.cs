using System.Globalization;

namespace Article42.Mesh.Faults.Network;

/// <summary>
/// A run's network: one namespace per node, each with one veth (<c>eth0</c>, an address of the run's
/// <see cref="TestSubnet"/>, no default route) joined to a bridge that carries the subnet's first address. Every name
/// starts with the run's <see cref="RunPrefix"/>; leftovers of killed runs are removed by that prefix at creation.
/// Nothing is written to the host's packet filter: partitions are rules inside the namespaces (<see cref="Firewall"/>).
/// </summary>
public sealed class NamespaceNetwork : IAsyncDisposable
{
    private NamespaceNetwork(RunPrefix prefix, TestSubnet subnet, IReadOnlyList<NetworkNode> nodes)
    {
        Prefix = prefix;
        Subnet = subnet;
        Nodes = nodes;
    }

    public RunPrefix Prefix { get; }

    public TestSubnet Subnet { get; }

    public string Bridge => Prefix.Value + "br";

    public IReadOnlyList<NetworkNode> Nodes { get; }

    public NetworkNode this[string name] => Nodes.SingleOrDefault(n => n.Name == name) ?? throw new ArgumentException($"no node {name} in this network", nameof(name));

    /// <summary>
    /// Removes leftovers of killed runs, builds the bridge and a namespace per node of <paramref name="names"/>, and checks
    /// the safety rule (<see cref="VerifyIsolatedAsync"/>) before anything runs in it.
    /// </summary>
    public static async Task<NamespaceNetwork> CreateAsync(IReadOnlyList<string> names, TestSubnet? subnet = null, RunPrefix? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        await NetworkRequirement.EnsureAsync();
        await RemoveLeftoversAsync();
        prefix ??= RunPrefix.ForThisProcess();
        subnet ??= await TestSubnet.FreeAsync();
        var nodes = names.Select((name, i) => new NetworkNode(name, prefix.Value + name, subnet.Node(i).ToString())).ToList();
        var network = new NamespaceNetwork(prefix, subnet, nodes);
        try
        {
            await NetworkCommand.RunAsync("ip", "link", "add", network.Bridge, "type", "bridge");
            await NetworkCommand.RunAsync("ip", "addr", "add", subnet.BridgeCidr, "dev", network.Bridge);
            await NetworkCommand.RunAsync("ip", "link", "set", network.Bridge, "up");
            for (var i = 0; i < nodes.Count; i++)
                await network.AttachAsync(nodes[i], i);
            await network.VerifyIsolatedAsync();
            return network;
        }
        catch
        {
            await network.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The safety rule, checked before any traffic: every node address resolves (<c>ip route get</c>, on the host) to
    /// this run's bridge, and no namespace has a default route or any route but its own subnet's. Throws
    /// <see cref="UnsafeNetworkException"/> otherwise.
    /// </summary>
    public async Task VerifyIsolatedAsync()
    {
        foreach (var node in Nodes)
        {
            var route = await NetworkCommand.RunAsync("ip", "-o", "route", "get", node.Address);
            if (!route.Contains($" dev {Bridge} ", StringComparison.Ordinal))
                throw new UnsafeNetworkException($"{node.Name}'s address {node.Address} does not resolve to the test bridge {Bridge}: ip route get says '{route.Trim()}'");
            var routes = (await NetworkCommand.RunAsync("ip", "-n", node.Namespace, "-4", "-o", "route", "show", "table", "all"))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Where(line => !line.StartsWith("local ", StringComparison.Ordinal) && !line.StartsWith("broadcast ", StringComparison.Ordinal))
                .ToList();
            if (routes.Any(line => !line.StartsWith($"{Subnet.Network} dev eth0 ", StringComparison.Ordinal)))
                throw new UnsafeNetworkException($"namespace {node.Namespace} has a route out of the test subnet {Subnet.Network}: '{string.Join("; ", routes)}'");
        }
    }

    /// <summary>
    /// Deletes the namespaces and bridge of every run whose harness process is gone (<see cref="RunPrefix.OwnerGone"/>),
    /// killing what still runs in those namespaces first; nothing whose name is not of the suite's family is touched.
    /// </summary>
    public static async Task RemoveLeftoversAsync()
    {
        foreach (var space in await ListNamespacesAsync())
        {
            if (RunPrefix.Parse(space) is { OwnerGone: true })
                await DeleteNamespaceAsync(space);
        }
        foreach (var link in await ListLinksAsync())
        {
            if (RunPrefix.Parse(link) is { OwnerGone: true })
                await NetworkCommand.TryAsync("ip", "link", "del", link);
        }
    }

    /// <summary>The namespaces on this machine (<c>ip netns list</c>).</summary>
    public static async Task<IReadOnlyList<string>> ListNamespacesAsync() =>
        [.. (await NetworkCommand.RunAsync("ip", "netns", "list")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ')[0])];

    /// <summary>The interfaces of the host's namespace (<c>ip -o link show</c>), names only.</summary>
    public static async Task<IReadOnlyList<string>> ListLinksAsync() =>
        [.. (await NetworkCommand.RunAsync("ip", "-o", "link", "show")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':')[1].Trim().Split('@')[0])];

    public async ValueTask DisposeAsync()
    {
        for (var i = 0; i < Nodes.Count; i++)
        {
            // Deleting a namespace frees its end of the pair asynchronously (the kernel's namespace clean-up), so the
            // host's end would outlive the network for a moment: deleting the pair here removes both ends at once.
            await NetworkCommand.TryAsync("ip", "link", "del", VethOf(i));
            await DeleteNamespaceAsync(Nodes[i].Namespace);
        }
        await NetworkCommand.TryAsync("ip", "link", "del", Bridge);
    }

    /// <summary>The host's end of the pair that joins node <paramref name="index"/> to the bridge.</summary>
    private string VethOf(int index) => Prefix.Value + "v" + index.ToString(CultureInfo.InvariantCulture);

    private async Task AttachAsync(NetworkNode node, int index)
    {
        var veth = VethOf(index);
        await NetworkCommand.RunAsync("ip", "netns", "add", node.Namespace);
        await NetworkCommand.RunAsync("ip", "link", "add", veth, "type", "veth", "peer", "name", "eth0", "netns", node.Namespace);
        await NetworkCommand.RunAsync("ip", "link", "set", veth, "master", Bridge, "up");
        await NetworkCommand.RunAsync("ip", "-n", node.Namespace, "addr", "add", Subnet.NodeCidr(index), "dev", "eth0");
        await NetworkCommand.RunAsync("ip", "-n", node.Namespace, "link", "set", "eth0", "up");
        await NetworkCommand.RunAsync("ip", "-n", node.Namespace, "link", "set", "lo", "up");
    }

    /// <summary>Kills what runs in <paramref name="space"/> (by process id, as <c>ip netns pids</c> lists them), then deletes it.</summary>
    private static async Task DeleteNamespaceAsync(string space)
    {
        var pids = await NetworkCommand.TryAsync("ip", "netns", "pids", space);
        foreach (var pid in pids.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            await NetworkCommand.TryAsync("kill", "-KILL", pid.Trim());
        await NetworkCommand.TryAsync("ip", "netns", "del", space);
    }
}
