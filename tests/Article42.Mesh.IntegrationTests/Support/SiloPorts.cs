using System.Globalization;

namespace Article42.Mesh.IntegrationTests;

/// <summary>Three free ports of 127.0.0.1 for one silo, and the flags that give them (and <see cref="OperatorHttp.Token"/>) to it.</summary>
public sealed record SiloPorts(int Silo, int Gateway, int Http)
{
    public static SiloPorts Free()
    {
        var ports = FreePorts.Take(3);
        return new SiloPorts(ports[0], ports[1], ports[2]);
    }

    public IEnumerable<string> Flags() => [.. PortFlags(), OperatorHttp.Flag];

    /// <summary>The ports alone: a silo left to find its operator token itself (the embedded profile generates one).</summary>
    public IEnumerable<string> PortFlags() =>
    [
        "--silo-port", Silo.ToString(CultureInfo.InvariantCulture),
        "--gateway-port", Gateway.ToString(CultureInfo.InvariantCulture),
        "--http-port", Http.ToString(CultureInfo.InvariantCulture),
    ];

    public Uri Url(string path) => new($"http://127.0.0.1:{Http}{path}");
}
