using System.CommandLine.Help;

namespace Article42.Mesh.Cli.Usage;

/// <summary>How help and usage errors write an argument (<c>&lt;FILE&gt;</c>) and an option (<c>-h, --help</c>, <c>--as &lt;PARTICIPANT&gt;</c>).</summary>
public static class SymbolLabels
{
    public static string Of(Argument argument) => $"<{argument.HelpName ?? argument.Name.ToUpperInvariant()}>";

    /// <summary>The option's names a user would type (<c>-h</c>, <c>--help</c>; not the DOS spellings) and its value's name.</summary>
    public static string Of(Option option)
    {
        var names = string.Join(", ", option.Aliases.Append(option.Name).Distinct().Where(IsUnixStyle).OrderBy(n => n.Length));
        var flag = option.ValueType == typeof(bool) || option is HelpOption or VersionOption;
        return flag ? names : $"{names} {Value(option)}";
    }

    public static string Value(Option option) => $"<{option.HelpName ?? option.Name.TrimStart('-').ToUpperInvariant()}>";

    private static bool IsUnixStyle(string name) => name.StartsWith("--", StringComparison.Ordinal) || (name.Length == 2 && name[0] == '-' && char.IsLetter(name[1]));
}
