using System.Globalization;

namespace Article42.Mesh.IntegrationTests;

/// <summary>Three free ports of 127.0.0.1 for one silo, and the flags that give them to it.</summary>
public sealed record SiloPorts(int Silo, int Gateway, int Http)
{
    public static SiloPorts Free()
    {
        var ports = new HashSet<int>();
        while (ports.Count < 3)
            ports.Add(ServerProcess.FreePort());
        var list = ports.ToList();
        return new SiloPorts(list[0], list[1], list[2]);
    }

    public IEnumerable<string> Flags() =>
    [
        "--silo-port", Silo.ToString(CultureInfo.InvariantCulture),
        "--gateway-port", Gateway.ToString(CultureInfo.InvariantCulture),
        "--http-port", Http.ToString(CultureInfo.InvariantCulture),
    ];

    public Uri Url(string path) => new($"http://127.0.0.1:{Http}{path}");
}
