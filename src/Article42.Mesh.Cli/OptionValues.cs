using System.Globalization;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli;

/// <summary>Parses option values given as protocol names or numbers; a bad value is refused naming the option.</summary>
public static class OptionValues
{
    /// <summary>A precedence by name (<c>flash</c>, <c>FLASH</c>) or number (0-5).</summary>
    public static Precedence Precedence(string value, string option) => Named<Precedence>(value, option, max: 5);

    /// <summary>A classification by name (<c>SECRET_UE</c>) or rank (0-4).</summary>
    public static Classification Classification(string value, string option) => Named<Classification>(value, option, max: 4);

    public static MessageKind Kind(string value, string option) => Named<MessageKind>(value, option, max: -1);

    public static MessageMode Mode(string value, string option) => Named<MessageMode>(value, option, max: -1);

    /// <summary>A comma-separated list of participant ids or groups, as given (validation judges them).</summary>
    public static ImmutableArray<string> Ids(string? value) =>
        value is null ? [] : [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static TEnum Named<TEnum>(string value, string option, int max) where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>();
        if (max >= 0 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= max)
            return (TEnum)Enum.ToObject(typeof(TEnum), number);
        foreach (var candidate in values)
        {
            if (string.Equals(EnvelopeCodec.WireName(candidate), value, StringComparison.OrdinalIgnoreCase))
                return candidate;
        }
        var range = max >= 0 ? $" or 0-{max}" : "";
        throw new CliException(CliErrorCodes.BadOptionValue, option,
            $"'{value}' is not one of {string.Join(", ", values.Select(v => EnvelopeCodec.WireName(v)))}{range}");
    }
}
