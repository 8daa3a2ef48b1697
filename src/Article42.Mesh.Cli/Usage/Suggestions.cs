namespace Article42.Mesh.Cli.Usage;

/// <summary>"Did you mean" for a mistyped command or option: the known names closest to it, as git and kubectl suggest them.</summary>
public static class Suggestions
{
    /// <summary>The names nearest to <paramref name="typed"/> (a swap of two letters counts as one edit), or none when nothing is close.</summary>
    public static ImmutableArray<string> For(string typed, IEnumerable<string> known)
    {
        var bare = typed.TrimStart('-');
        var scored = known
            .Select(name => (Name: name, Distance: name.StartsWith(typed, StringComparison.Ordinal) && bare.Length >= 3 ? 0 : Distance(typed, name)))
            .Where(candidate => candidate.Distance <= Math.Max(1, Math.Min(2, bare.Length / 3)))
            .ToList();
        if (scored.Count == 0)
            return [];
        var best = scored.Min(candidate => candidate.Distance);
        return [.. scored.Where(candidate => candidate.Distance == best).Select(candidate => candidate.Name).Order(StringComparer.Ordinal)];
    }

    /// <summary>" (did you mean --to?)", or nothing.</summary>
    public static string Sentence(string typed, IEnumerable<string> known) =>
        For(typed, known) is { IsEmpty: false } names ? $" (did you mean {string.Join(" or ", names)}?)" : "";

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
