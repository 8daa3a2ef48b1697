using System.Text.RegularExpressions;

namespace Article42.Mesh.Storage.Postgres;

/// <summary>
/// The one rule for a journal's schema name: it is spliced into SQL text (schemas cannot be parameters), so only a
/// plain lower-case identifier PostgreSQL needs no quotes for is accepted.
/// </summary>
public static partial class PostgresSchemaName
{
    /// <summary>The rule in words, for error messages.</summary>
    public const string Rule = "a lower-case SQL identifier (a-z, 0-9, _; at most 63)";

    /// <summary>True when <paramref name="name"/> follows <see cref="Rule"/>.</summary>
    public static bool IsValid(string name) => Pattern().IsMatch(name);

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}\\z")]
    private static partial Regex Pattern();
}
