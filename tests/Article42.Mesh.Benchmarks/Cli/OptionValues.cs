using System.Globalization;

namespace Article42.Mesh.Benchmarks.Cli;

/// <summary>Option values checked one by one, each refusal naming its option.</summary>
internal static class OptionValues
{
    public static int Whole(string option, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new BenchUsageException(BenchUsageException.BadValue, option, $"'{value}' is not a whole number from {min} to {max}");

    public static double Number(string option, string value, double min, double max) =>
        double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new BenchUsageException(BenchUsageException.BadValue, option, $"'{value}' is not a number from {min} to {max}");

    public static IReadOnlyList<string> OneOf(string option, string value, string[] allowed)
    {
        var items = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = items.FirstOrDefault(i => !allowed.Contains(i, StringComparer.Ordinal));
        if (items.Length == 0 || unknown is not null)
            throw new BenchUsageException(BenchUsageException.BadValue, option, $"'{unknown ?? value}' is not one of {string.Join(", ", allowed)}");
        return [.. items.Distinct(StringComparer.Ordinal)];
    }

    public static IReadOnlyList<int> Levels(string option, string value)
    {
        var levels = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => Whole(option, v, 0, 10_000_000)).Distinct().Order().ToList();
        return levels.Count > 0 ? levels : throw new BenchUsageException(BenchUsageException.BadValue, option, "name at least one level");
    }
}
