using System.Globalization;

namespace Article42.Mesh.Faults.Network;

/// <summary>
/// Partitions and connection cuts as packet-filter rules inside a node's own namespace (<c>ip netns exec NS iptables</c>,
/// the filter table of that namespace only: the host's tables are never written). <see cref="HealAsync"/> flushes them.
/// </summary>
public static class Firewall
{
    /// <summary>Drops what <paramref name="at"/> receives from <paramref name="peers"/>.</summary>
    public static async Task DropFromAsync(NetworkNode at, IEnumerable<NetworkNode> peers)
    {
        ArgumentNullException.ThrowIfNull(at);
        foreach (var peer in peers ?? [])
            await NetworkCommand.InAsync(at.Namespace, "iptables", "-A", "INPUT", "-s", peer.Address, "-j", "DROP");
    }

    /// <summary>Drops what <paramref name="at"/> sends to <paramref name="peers"/>.</summary>
    public static async Task DropToAsync(NetworkNode at, IEnumerable<NetworkNode> peers)
    {
        ArgumentNullException.ThrowIfNull(at);
        foreach (var peer in peers ?? [])
            await NetworkCommand.InAsync(at.Namespace, "iptables", "-A", "OUTPUT", "-d", peer.Address, "-j", "DROP");
    }

    /// <summary>Both directions between <paramref name="at"/> and <paramref name="peers"/>, from <paramref name="at"/>'s namespace.</summary>
    public static async Task SeparateAsync(NetworkNode at, IReadOnlyCollection<NetworkNode> peers)
    {
        await DropFromAsync(at, peers);
        await DropToAsync(at, peers);
    }

    /// <summary>
    /// Closes every TCP connection between <paramref name="at"/> and <paramref name="peers"/> (<c>ss -K</c>: the socket is
    /// destroyed and the peer gets a reset), then answers new connection attempts with a reset, until healed.
    /// </summary>
    public static async Task CutConnectionsAsync(NetworkNode at, IEnumerable<NetworkNode> peers)
    {
        ArgumentNullException.ThrowIfNull(at);
        foreach (var peer in peers ?? [])
        {
            // The cut first, so its resets reach the peer; then the rule that refuses the reconnections.
            await NetworkCommand.InAsync(at.Namespace, "ss", "-K", "dst", peer.Address);
            await NetworkCommand.InAsync(at.Namespace, "iptables", "-A", "OUTPUT", "-p", "tcp", "-d", peer.Address, "-j", "REJECT", "--reject-with", "tcp-reset");
        }
    }

    /// <summary>
    /// Drops each packet <paramref name="at"/> receives or sends on its veth with <paramref name="probability"/>, at random
    /// (<c>iptables -m statistic --mode random</c>; this kernel has no <c>netem</c>): TCP retransmits, so what gets through
    /// is late, not lost.
    /// </summary>
    public static async Task LoseAsync(NetworkNode at, double probability)
    {
        ArgumentNullException.ThrowIfNull(at);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(probability);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(probability, 1);
        var p = probability.ToString("0.###", CultureInfo.InvariantCulture);
        await NetworkCommand.InAsync(at.Namespace, "iptables", "-A", "INPUT", "-i", "eth0", "-m", "statistic", "--mode", "random", "--probability", p, "-j", "DROP");
        await NetworkCommand.InAsync(at.Namespace, "iptables", "-A", "OUTPUT", "-o", "eth0", "-m", "statistic", "--mode", "random", "--probability", p, "-j", "DROP");
    }

    /// <summary>The rules <paramref name="at"/>'s namespace has (<c>iptables -S</c>), for the timeline and the tests.</summary>
    public static Task<string> RulesAsync(NetworkNode at) => NetworkCommand.InAsync(at.Namespace, "iptables", "-S");

    /// <summary>Removes every rule of the given nodes' namespaces.</summary>
    public static async Task HealAsync(IEnumerable<NetworkNode> nodes)
    {
        foreach (var node in nodes ?? [])
            await NetworkCommand.InAsync(node.Namespace, "iptables", "-F");
    }
}
