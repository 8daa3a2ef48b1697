using System.Globalization;
using System.Net;

namespace Article42.Mesh.Faults.Clients;

/// <summary>What one client process is told on its command line (<see cref="Arguments"/> writes it, <see cref="Parse"/> reads it).</summary>
public sealed record ClientSettings(
    string Participant,
    ImmutableArray<string> Peers,
    string Keys,
    ImmutableArray<IPEndPoint> Gateways,
    string Histories,
    string State,
    int Seed,
    TimeSpan Interval)
{
    public const string Command = "client";

    public IEnumerable<string> Arguments() =>
    [
        Command, Participant, string.Join(',', Peers), Keys, string.Join(',', Gateways.Select(g => g.ToString())),
        Histories, State, Seed.ToString(CultureInfo.InvariantCulture), ((int)Interval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
    ];

    public static ClientSettings Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count != 9 || args[0] != Command)
            throw new ArgumentException("usage: client PARTICIPANT PEER,PEER KEYS HOST:PORT,... HISTORIES STATE SEED INTERVAL_MS");
        return new ClientSettings(
            args[1], [.. args[2].Split(',')], args[3], [.. args[4].Split(',').Select(IPEndPoint.Parse)], args[5], args[6],
            int.Parse(args[7], CultureInfo.InvariantCulture), TimeSpan.FromMilliseconds(int.Parse(args[8], CultureInfo.InvariantCulture)));
    }
}
