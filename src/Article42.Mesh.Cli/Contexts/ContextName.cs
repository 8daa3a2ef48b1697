using System.Text.RegularExpressions;

namespace Article42.Mesh.Cli.Contexts;

/// <summary>What a context may be called: a short word of letters, digits, '.', '_' and '-', never a path.</summary>
public static partial class ContextName
{
    public const int MaxLength = 64;

    /// <summary>Null when <paramref name="name"/> is usable, else the sentence saying why not.</summary>
    public static string? Problem(string name) => name switch
    {
        _ when name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) => $"'{name}' is not a context name: it cannot contain a path separator",
        _ when name.Length > MaxLength => $"a context name has at most {MaxLength} characters, got {name.Length}",
        _ when !Valid().IsMatch(name) => $"'{name}' is not a context name: letters, digits, '.', '_' and '-', starting with a letter or digit",
        _ => null,
    };

    /// <summary>Refuses an unusable name given as <paramref name="where"/> (A42-CTX-004).</summary>
    public static string Checked(string name, string where) =>
        Problem(name) is { } problem ? throw new CliException(CliErrorCodes.BadContextName, where, problem) : name;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Valid();
}
