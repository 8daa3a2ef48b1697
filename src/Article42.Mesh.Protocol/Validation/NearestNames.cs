namespace Article42.Mesh.Protocol;

/// <summary>
/// "Did you mean": the known names closest to a mistyped one, as git and kubectl suggest them. One rule for every
/// suggestion the mesh's tools make (a42's commands and options, context names, scenario fields, kinds and ids).
/// </summary>
public static class NearestNames
{
    /// <summary>
    /// The names nearest to <paramref name="typed"/>: at most two edits (a swap of two letters counts as one, case is
    /// ignored), fewer for short words, or a name that <paramref name="typed"/> starts when it has three letters or
    /// more; the nearest ones in ordinal order, or none when nothing is close.
    /// </summary>
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
        return [.. scored.Where(candidate => candidate.Distance == best).Select(candidate => candidate.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>Optimal string alignment distance, ignoring case: insertions, deletions, substitutions and adjacent transpositions.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = Same(a[i - 1], b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && Same(a[i - 1], b[j - 2]) && Same(a[i - 2], b[j - 1]))
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }

    private static bool Same(char a, char b) => char.ToLowerInvariant(a) == char.ToLowerInvariant(b);
}
