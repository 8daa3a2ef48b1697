using Article42.Mesh.Load.Systems;

namespace Article42.Mesh.Load;

/// <summary>
/// The shape of the traffic: recipients by <see cref="Pattern"/>, precedences taken in turn from <see cref="Mix"/>, among
/// the gateways at the indexes of <see cref="Among"/> (all of them when empty), which both send and receive, unless
/// <see cref="Receivers"/> names the gateways that receive (then those of <see cref="Among"/> only send).
/// </summary>
public sealed record Traffic(Pattern Pattern, ImmutableArray<Precedence> Mix)
{
    /// <summary>The four precedences of the SLO table gateways use day to day, in equal shares.</summary>
    public static ImmutableArray<Precedence> Mixed { get; } = [Precedence.Flash, Precedence.Immediate, Precedence.Priority, Precedence.Routine];

    public ImmutableArray<int> Among { get; init; } = [];

    /// <summary>The indexes of the gateways messages go to; empty: the members themselves.</summary>
    public ImmutableArray<int> Receivers { get; init; } = [];

    public static Traffic Of(Pattern pattern, params Precedence[] mix) => new(pattern, mix.Length == 0 ? Mixed : [.. mix]);

    public string PatternName => (Pattern == Pattern.PointToPoint ? "point-to-point" : "broadcast") + (Among.IsDefaultOrEmpty ? "" : $" among {Among.Length} gateways");

    /// <summary>The indexes of the gateways taking part.</summary>
    public IReadOnlyList<int> Members(int gateways) => Among.IsDefaultOrEmpty ? [.. Enumerable.Range(0, gateways)] : Among;

    /// <summary>The sender of the <paramref name="k"/>-th worker or message: the members in turn.</summary>
    public int SenderAt(long k, int gateways)
    {
        var members = Members(gateways);
        return members[(int)(k % members.Count)];
    }

    public IReadOnlyList<string> Recipients(IReadOnlyList<IBenchGateway> gateways, int sender, Random random)
    {
        var others = (Receivers.IsDefaultOrEmpty ? Members(gateways.Count) : Receivers).Where(i => i != sender).ToList();
        return Pattern == Pattern.Broadcast
            ? [.. others.Select(i => gateways[i].Participant)]
            : [gateways[others[random.Next(others.Count)]].Participant];
    }

    public Precedence PrecedenceAt(long sequence) => Mix[(int)(sequence % Mix.Length)];

    /// <summary>Copies one message makes: one, or one per other member for a broadcast.</summary>
    public int CopiesPerMessage(int gateways) => Pattern == Pattern.Broadcast ? Members(gateways).Count - 1 : 1;

    /// <summary>
    /// Messages to keep in flight for <paramref name="copies"/> copies in flight: a broadcast to N gateways is N-1 copies,
    /// so a closed loop compares patterns at the same number of copies on their way.
    /// </summary>
    public int MessagesInFlight(int copies, int gateways) => Math.Max(1, (int)Math.Round(copies / (double)CopiesPerMessage(gateways)));
}
