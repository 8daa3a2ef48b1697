using Article42.Mesh.Benchmarks.Systems;

namespace Article42.Mesh.Benchmarks.Load;

/// <summary>The shape of the traffic: recipients by <see cref="Pattern"/>, precedences taken in turn from <see cref="Mix"/>.</summary>
internal sealed record Traffic(Pattern Pattern, ImmutableArray<Precedence> Mix)
{
    /// <summary>The four precedences of the SLO table gateways use day to day, in equal shares.</summary>
    public static ImmutableArray<Precedence> Mixed { get; } = [Precedence.Flash, Precedence.Immediate, Precedence.Priority, Precedence.Routine];

    public static Traffic Of(Pattern pattern, params Precedence[] mix) => new(pattern, mix.Length == 0 ? Mixed : [.. mix]);

    public string PatternName => Pattern == Pattern.PointToPoint ? "point-to-point" : "broadcast";

    public IReadOnlyList<string> Recipients(IReadOnlyList<IBenchGateway> gateways, int sender, Random random)
    {
        if (Pattern == Pattern.Broadcast)
            return [.. gateways.Where((_, i) => i != sender).Select(g => g.Participant)];
        var other = random.Next(gateways.Count - 1);
        return [gateways[other >= sender ? other + 1 : other].Participant];
    }

    public Precedence PrecedenceAt(long sequence) => Mix[(int)(sequence % Mix.Length)];

    /// <summary>
    /// Messages to keep in flight for <paramref name="copies"/> copies in flight: a broadcast to N gateways is N-1 copies,
    /// so a closed loop compares patterns at the same number of copies on their way.
    /// </summary>
    public int MessagesInFlight(int copies, int gateways) =>
        Pattern == Pattern.Broadcast ? Math.Max(1, (int)Math.Round(copies / (double)(gateways - 1))) : copies;
}
