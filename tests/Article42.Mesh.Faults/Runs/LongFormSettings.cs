using System.Globalization;

namespace Article42.Mesh.Faults.Runs;

/// <summary><c>faults --minutes N --seed N [--artefacts DIR] [--scenario NAME]...</c>: scenarios named run once each, in that order.</summary>
public sealed record LongFormSettings(TimeSpan Length, int Seed, string Artefacts, ImmutableArray<string> Only)
{
    public static LongFormSettings Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var minutes = 30.0;
        var seed = Random.Shared.Next();
        var artefacts = Path.Combine(Path.GetTempPath(), $"a42-faults-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        var only = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            switch (args[i])
            {
                case "--minutes": minutes = double.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--artefacts": artefacts = args[i + 1]; break;
                case "--scenario": only.Add(args[i + 1]); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        if (args.Count % 2 != 0)
            throw new ArgumentException($"option {args[^1]} needs a value");
        return new LongFormSettings(TimeSpan.FromMinutes(minutes), seed, artefacts, only.ToImmutable());
    }
}
