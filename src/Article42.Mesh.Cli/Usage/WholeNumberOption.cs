using System.Globalization;

namespace Article42.Mesh.Cli.Usage;

/// <summary>
/// Options whose value is a whole number, refused in words (<c>expects a whole number of seconds, got 'abc'</c>)
/// rather than by .NET type name; the lower bound is part of the option, so no command checks it again.
/// </summary>
public static class WholeNumberOption
{
    /// <summary><c>--timeout &lt;SECONDS&gt;</c> and the like: at least 1 second.</summary>
    public static Option<int> Seconds(string name, string description, int defaultSeconds) => new(name)
    {
        Description = description,
        HelpName = "SECONDS",
        DefaultValueFactory = _ => defaultSeconds,
        CustomParser = result => Parse(result, "a whole number of seconds", minimum: 1) ?? defaultSeconds,
    };

    /// <summary>An optional count or rate, <paramref name="minimum"/> or more, named <paramref name="helpName"/> in help.</summary>
    public static Option<int?> Optional(string name, string description, string helpName, string expected, int minimum) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result => Parse(result, expected, minimum),
    };

    /// <summary>A count, size or number of seconds of <paramref name="minimum"/> or more, with a default.</summary>
    public static Option<int> AtLeast(string name, string description, string helpName, string expected, int minimum, int defaultValue) => new(name)
    {
        Description = description,
        HelpName = helpName,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => Parse(result, expected, minimum) ?? defaultValue,
    };

    /// <summary>Any whole number, with a default.</summary>
    public static Option<int> Any(string name, string description, string helpName, int defaultValue) => new(name)
    {
        Description = description,
        HelpName = helpName,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => Parse(result, "a whole number", minimum: null) ?? defaultValue,
    };

    private static int? Parse(ArgumentResult result, string expected, int? minimum)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        var styles = minimum is >= 0 ? NumberStyles.None : NumberStyles.AllowLeadingSign;
        if (int.TryParse(text, styles, CultureInfo.InvariantCulture, out var value) && (minimum is null || value >= minimum))
            return value;
        var bound = minimum is { } least ? $" of at least {least}" : "";
        result.AddError($"expects {expected}{bound}, got '{text}'");
        return null;
    }
}
