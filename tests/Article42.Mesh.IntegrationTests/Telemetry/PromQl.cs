using System.Text.RegularExpressions;

namespace Article42.Mesh.IntegrationTests.Telemetry;

/// <summary>The metric names a PromQL expression reads: what is left once strings, matchers, ranges, grouping clauses and calls are taken out.</summary>
public static partial class PromQl
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase) { "and", "or", "unless", "bool", "offset", "inf", "nan" };

    public static IReadOnlySet<string> MetricNames(string expression)
    {
        var bare = Strings().Replace(expression, "\"\"");
        bare = Matchers().Replace(bare, "");
        bare = Ranges().Replace(bare, "");
        bare = Grouping().Replace(bare, "");
        return Identifiers().Matches(bare).Select(m => m.Value).Where(name => !Keywords.Contains(name)).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex("""
        "(\\.|[^"\\])*"
        """)]
    private static partial Regex Strings();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Matchers();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Ranges();

    [GeneratedRegex(@"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    // A name not followed by "(" (a function or aggregation) nor part of a number.
    [GeneratedRegex(@"(?<![\w.])[a-zA-Z_:][a-zA-Z0-9_:]*(?!\s*\()(?![\w.])")]
    private static partial Regex Identifiers();
}
