using System.Globalization;
using Article42.Mesh.Faults.Network;
using Article42.Mesh.TestKit;

namespace Article42.Mesh.Faults.Tests;

/// <summary>
/// The safety rule of the fault suite's network (issue 20): partitions are rules inside the test namespaces and they do
/// cut; a node address that does not resolve to the run's bridge, or a namespace with a route out, is refused before any
/// traffic; leftovers of killed runs are removed by their prefix, and nothing else is. Needs root (or CAP_NET_ADMIN) and
/// iptables: skips without them, fails under A42_REQUIRE_SERVICES=1.
/// </summary>
public sealed class NetworkSafetyTests
{
    [Fact]
    public async Task A_partition_cuts_traffic_with_rules_inside_the_test_namespaces_only_and_the_heal_restores_it()
    {
        await using var network = await NamespaceNetwork.CreateAsync(["a", "b"]);
        var (a, b) = (network["a"], network["b"]);
        await using var redis = await RedisServer.StartAsync(place: b.Place);
        var hostRules = await HostRulesAsync();
        Assert.True(await ConnectsAsync(a, b.Address, redis.Port), "a reaches b's Redis before the partition");

        await Firewall.SeparateAsync(a, [b]);

        Assert.False(await ConnectsAsync(a, b.Address, redis.Port), "a still reaches b during the partition");
        Assert.Contains($"-A INPUT -s {b.Address}/32 -j DROP", await Firewall.RulesAsync(a), StringComparison.Ordinal);
        Assert.Equal(hostRules, await HostRulesAsync());
        await Firewall.HealAsync(network.Nodes);
        Assert.True(await ConnectsAsync(a, b.Address, redis.Port), "a does not reach b again after the heal");
    }

    [Fact]
    public async Task A_one_way_partition_drops_only_what_the_node_receives()
    {
        await using var network = await NamespaceNetwork.CreateAsync(["a", "b"]);
        var (a, b) = (network["a"], network["b"]);

        await Firewall.DropFromAsync(a, [b]);

        var rules = await Firewall.RulesAsync(a);
        Assert.Contains($"-A INPUT -s {b.Address}/32 -j DROP", rules, StringComparison.Ordinal);
        Assert.DoesNotContain("-A OUTPUT", rules, StringComparison.Ordinal);
        Assert.DoesNotContain("-A ", await Firewall.RulesAsync(b), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_namespace_with_a_default_route_is_refused()
    {
        await using var network = await NamespaceNetwork.CreateAsync(["a", "b"]);
        await NetworkCommand.RunAsync("ip", "-n", network["b"].Namespace, "route", "add", "default", "via", network.Subnet.Bridge.ToString());

        var refused = await Assert.ThrowsAsync<UnsafeNetworkException>(network.VerifyIsolatedAsync);

        Assert.Contains($"namespace {network["b"].Namespace} has a route out of the test subnet", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_address_that_resolves_to_another_bridge_is_refused_and_the_refused_network_removed()
    {
        await using var first = await NamespaceNetwork.CreateAsync(["a"]);
        var prefix = RunPrefix.ForThisProcess();

        // A second run on the same subnet: its addresses resolve to the first run's bridge.
        var refused = await Assert.ThrowsAsync<UnsafeNetworkException>(() => NamespaceNetwork.CreateAsync(["a"], first.Subnet, prefix));

        Assert.Contains($"does not resolve to the test bridge {prefix.Value}br", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(await NamespaceNetwork.ListNamespacesAsync(), n => n.StartsWith(prefix.Value, StringComparison.Ordinal));
        Assert.DoesNotContain(await NamespaceNetwork.ListLinksAsync(), n => n.StartsWith(prefix.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Leftovers_of_a_killed_run_are_removed_by_their_prefix_and_nothing_else_is()
    {
        await NetworkRequirement.EnsureAsync();
        // Above the kernel's largest process id: a run whose harness is certainly gone.
        var killed = RunPrefix.Of(4_194_305).Value + "silo-a";
        var live = RunPrefix.ForThisProcess().Value + "silo-a";
        var foreign = $"a42x{Guid.NewGuid():N}"[..12];
        foreach (var space in new[] { killed, live, foreign })
            await NetworkCommand.RunAsync("ip", "netns", "add", space);
        try
        {
            await NamespaceNetwork.RemoveLeftoversAsync();

            var left = await NamespaceNetwork.ListNamespacesAsync();
            Assert.DoesNotContain(killed, left);
            Assert.Contains(live, left);
            Assert.Contains(foreign, left);
        }
        finally
        {
            foreach (var space in new[] { killed, live, foreign })
                await NetworkCommand.TryAsync("ip", "netns", "del", space);
        }
    }

    /// <summary>A TCP connection from <paramref name="from"/>'s namespace, 3 s at most (a dropped SYN would wait far longer).</summary>
    private static async Task<bool> ConnectsAsync(NetworkNode from, string address, int port) =>
        (await NetworkCommand.TryAsync("ip", "netns", "exec", from.Namespace, "timeout", "3", "bash", "-c",
            string.Create(CultureInfo.InvariantCulture, $"exec 3<>/dev/tcp/{address}/{port}"))).ExitCode == 0;

    /// <summary>The host's packet filter, every table, without iptables-save's dated comments.</summary>
    private static async Task<string> HostRulesAsync() =>
        string.Join('\n', (await NetworkCommand.RunAsync("iptables-save")).Split('\n').Where(line => !line.StartsWith('#')));
}
