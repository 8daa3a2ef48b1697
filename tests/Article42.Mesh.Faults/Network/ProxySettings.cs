using System.Net;

namespace Article42.Mesh.Faults.Network;

/// <summary>
/// What one proxy process is told on its command line (<see cref="Arguments"/> writes it, <see cref="Parse"/> reads it):
/// the control file it polls for its delay, and the (listen -> target) pairs it relays.
/// </summary>
public sealed record ProxySettings(string Control, ImmutableArray<(IPEndPoint Listen, IPEndPoint Target)> Routes)
{
    public const string Command = "proxy";

    public IEnumerable<string> Arguments() => [Command, Control, .. Routes.Select(r => $"{r.Listen}={r.Target}")];

    public static ProxySettings Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count < 3 || args[0] != Command)
            throw new ArgumentException("usage: proxy CONTROL_FILE LISTEN_HOST:PORT=TARGET_HOST:PORT ...");
        return new ProxySettings(args[1], [.. args.Skip(2).Select(ParseRoute)]);
    }

    private static (IPEndPoint Listen, IPEndPoint Target) ParseRoute(string route)
    {
        var parts = route.Split('=');
        if (parts.Length != 2)
            throw new ArgumentException($"a route is LISTEN_HOST:PORT=TARGET_HOST:PORT, not '{route}'");
        return (IPEndPoint.Parse(parts[0]), IPEndPoint.Parse(parts[1]));
    }
}
