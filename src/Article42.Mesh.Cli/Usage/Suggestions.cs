using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Usage;

/// <summary>"Did you mean" for a mistyped command or option: the known names closest to it (<see cref="NearestNames"/>).</summary>
public static class Suggestions
{
    /// <summary>The names nearest to <paramref name="typed"/> (a swap of two letters counts as one edit), or none when nothing is close.</summary>
    public static ImmutableArray<string> For(string typed, IEnumerable<string> known) => NearestNames.For(typed, known);

    /// <summary>" (did you mean --to?)", or nothing.</summary>
    public static string Sentence(string typed, IEnumerable<string> known) =>
        For(typed, known) is { IsEmpty: false } names ? $" (did you mean {string.Join(" or ", names)}?)" : "";
}
