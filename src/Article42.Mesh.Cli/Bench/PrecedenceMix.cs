using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Bench;

/// <summary>
/// The share of each precedence in a bench run, <c>--mix ROUTINE=90,PRIORITY=9,FLASH=1</c>: whole-number weights,
/// spread evenly over a cycle of sends (smooth weighted round-robin), so that one FLASH in a hundred comes once in every
/// hundred sends rather than a hundred in a row. DEFERRED is left out: its messages wait for the gateway by design.
/// </summary>
public sealed record PrecedenceMix(ImmutableArray<(Precedence Precedence, int Weight)> Weights)
{
    private const string Option = "--mix";
    private const int MaxWeight = 1000;
    private const string Form = "PRECEDENCE=WEIGHT[,...], e.g. ROUTINE=90,PRIORITY=9,FLASH=1, with whole-number weights from 1 to 1000";

    public static PrecedenceMix Default { get; } = Parse("ROUTINE=90,PRIORITY=9,IMMEDIATE=1");

    private static IEnumerable<string> Names => Enum.GetValues<Precedence>().Where(p => p != Precedence.Deferred).Select(p => EnvelopeCodec.WireName(p));

    /// <summary>Parses the option's value; anything else is refused naming <c>--mix</c> and the expected form.</summary>
    public static PrecedenceMix Parse(string value)
    {
        var weights = new List<(Precedence, int)>();
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || !int.TryParse(pair[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var weight) || weight is < 1 or > MaxWeight)
                throw Refused($"'{part}' is not PRECEDENCE=WEIGHT: expects {Form}");
            var name = pair[0];
            var precedence = Enum.GetValues<Precedence>().Where(p => p != Precedence.Deferred)
                .Select(p => (Precedence?)p).FirstOrDefault(p => string.Equals(EnvelopeCodec.WireName(p!.Value), name, StringComparison.OrdinalIgnoreCase))
                ?? throw Refused($"'{name}' is not a precedence of a bench run{Suggestions.Sentence(name.ToUpperInvariant(), Names)}: expects {Form}, the precedences among {string.Join(", ", Names)}");
            if (weights.Any(w => w.Item1 == precedence))
                throw Refused($"{EnvelopeCodec.WireName(precedence)} is given twice: expects {Form}, each precedence once");
            weights.Add((precedence, weight));
        }
        return new PrecedenceMix([.. weights]);
    }

    /// <summary>The precedences in the order sends take them, one cycle (the weights divided by their common divisor).</summary>
    public ImmutableArray<Precedence> Cycle()
    {
        var divisor = Weights.Select(w => w.Weight).Aggregate(Gcd);
        var weights = Weights.Select(w => w.Weight / divisor).ToArray();
        var current = new int[weights.Length];
        var total = weights.Sum();
        var cycle = ImmutableArray.CreateBuilder<Precedence>(total);
        for (var n = 0; n < total; n++)
        {
            for (var i = 0; i < weights.Length; i++)
                current[i] += weights[i];
            var next = Array.IndexOf(current, current.Max());
            current[next] -= total;
            cycle.Add(Weights[next].Precedence);
        }
        return cycle.MoveToImmutable();
    }

    /// <summary>As the option spells it: <c>ROUTINE=90,PRIORITY=9,IMMEDIATE=1</c>.</summary>
    public override string ToString() => string.Join(',', Weights.Select(w => $"{EnvelopeCodec.WireName(w.Precedence)}={w.Weight}"));

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    private static CliException Refused(string message) => new(CliErrorCodes.BadOptionValue, Option, message);
}
