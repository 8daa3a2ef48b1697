using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Article42.Mesh.Faults.Network;

/// <summary>
/// The private /24 a run's bridge and namespaces live in: one of 10.242.0.0/16 that no address or route of this
/// machine overlaps. The bridge is <c>.1</c>, node <c>i</c> is <c>.(10 + i)</c>.
/// </summary>
public sealed record TestSubnet(IPNetwork Network)
{
    private const int FirstNode = 10;

    public IPAddress Bridge => Host(1);

    public IPAddress Node(int index) => index is >= 0 and < 200 ? Host(FirstNode + index) : throw new ArgumentOutOfRangeException(nameof(index), index, "a /24 holds 200 nodes here");

    public string BridgeCidr => $"{Bridge}/{Network.PrefixLength}";

    public string NodeCidr(int index) => $"{Node(index)}/{Network.PrefixLength}";

    /// <summary>The third octet <paramref name="third"/> of 10.242.0.0/16.</summary>
    public static TestSubnet Of(int third) => new(IPNetwork.Parse(string.Create(CultureInfo.InvariantCulture, $"10.242.{third}.0/24")));

    /// <summary>A subnet that overlaps nothing <c>ip -4 route show table all</c> and <c>ip -4 addr</c> list, starting the search at a random one.</summary>
    public static async Task<TestSubnet> FreeAsync()
    {
        var used = await InUseAsync();
        var start = Random.Shared.Next(256);
        for (var i = 0; i < 256; i++)
        {
            var candidate = Of((start + i) % 256);
            if (!used.Any(candidate.Overlaps))
                return candidate;
        }
        throw new UnsafeNetworkException("every /24 of 10.242.0.0/16 overlaps an address or route of this machine");
    }

    public bool Overlaps(IPNetwork other) => Network.Contains(other.BaseAddress) || other.Contains(Network.BaseAddress);

    /// <summary>The networks this machine's addresses and routes cover (the default route left out: a /24 is always more specific).</summary>
    public static async Task<IReadOnlyList<IPNetwork>> InUseAsync()
    {
        var routes = await NetworkCommand.RunAsync("ip", "-4", "-o", "route", "show", "table", "all");
        var addresses = await NetworkCommand.RunAsync("ip", "-4", "-o", "addr", "show");
        var networks = new List<IPNetwork>();
        foreach (var line in routes.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // "local 127.0.0.1 dev lo table local ...", "10.0.0.0/8 via ...", "broadcast 10.0.0.255 ..."
            var target = words[0] is "local" or "broadcast" or "unicast" or "anycast" or "multicast" or "blackhole" or "unreachable" or "prohibit" ? words.ElementAtOrDefault(1) : words[0];
            if (target is not null && target != "default" && Parse(target) is { } network)
                networks.Add(network);
        }
        foreach (var line in addresses.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var inet = Array.IndexOf(words, "inet");
            if (inet >= 0 && inet + 1 < words.Length && Parse(words[inet + 1]) is { } network)
                networks.Add(network);
        }
        return networks;
    }

    private static IPNetwork? Parse(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (!IPAddress.TryParse(slash < 0 ? text : text[..slash], out var address) || address.AddressFamily != AddressFamily.InterNetwork)
            return null;
        var length = slash < 0 ? 32 : int.Parse(text[(slash + 1)..], CultureInfo.InvariantCulture);
        // "10.1.2.3/8" as an interface address: the network is its masked base.
        var bits = length == 0 ? 0u : uint.MaxValue << (32 - length);
        var bytes = address.GetAddressBytes();
        var value = ((uint)bytes[0] << 24 | (uint)bytes[1] << 16 | (uint)bytes[2] << 8 | bytes[3]) & bits;
        return new IPNetwork(new IPAddress([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]), length);
    }

    private IPAddress Host(int last)
    {
        var bytes = Network.BaseAddress.GetAddressBytes();
        bytes[3] = (byte)last;
        return new IPAddress(bytes);
    }
}
