using System.Globalization;
using System.Text.RegularExpressions;

namespace Article42.Mesh.Exercises;

/// <summary>
/// The one time format of scenario files: a point on the scenario clock is <c>T+HH:MM</c> or <c>T+HH:MM:SS</c>
/// (an offset from STARTEX; payload times may also be <c>T-HH:MM</c>, before STARTEX); a length of time is
/// <c>HH:MM</c> or <c>HH:MM:SS</c>. Hours run 00..99, so no day part is needed.
/// </summary>
public static partial class ScenarioTime
{
    /// <summary>Parses a point such as <c>T+01:30</c>; false when the text is not one.</summary>
    public static bool TryParseOffset(string text, out TimeSpan offset)
    {
        offset = default;
        var match = OffsetPattern().Match(text);
        if (!match.Success || !TryParseClock(match.Groups[2].Value, out var length))
            return false;
        offset = match.Groups[1].Value == "-" ? -length : length;
        return true;
    }

    /// <summary>Parses a length such as <c>00:15</c> or <c>01:02:30</c>.</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration) => TryParseClock(text, out duration);

    /// <summary>Writes a point as <c>T+HH:MM</c>, or <c>T+HH:MM:SS</c> when it has seconds.</summary>
    public static string FormatOffset(TimeSpan offset) => (offset < TimeSpan.Zero ? "T-" : "T+") + FormatDuration(offset.Duration());

    /// <summary>Writes a length as <c>HH:MM</c>, or <c>HH:MM:SS</c> when it has seconds.</summary>
    public static string FormatDuration(TimeSpan duration)
    {
        var seconds = (long)Math.Round(duration.Duration().TotalSeconds);
        var text = string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:00}:{seconds / 60 % 60:00}");
        return seconds % 60 == 0 ? text : string.Create(CultureInfo.InvariantCulture, $"{text}:{seconds % 60:00}");
    }

    /// <summary>True for text that is meant as a scenario point, well-formed or not (used inside payloads).</summary>
    public static bool LooksLikeOffset(string text) => text.Length > 2 && text[0] == 'T' && text[1] is '+' or '-';

    private static bool TryParseClock(string text, out TimeSpan duration)
    {
        duration = default;
        var match = ClockPattern().Match(text);
        if (!match.Success)
            return false;
        var hours = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var minutes = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var seconds = match.Groups[3].Success ? int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) : 0;
        if (minutes > 59 || seconds > 59)
            return false;
        duration = new TimeSpan(hours, minutes, seconds);
        return true;
    }

    [GeneratedRegex(@"^T([+-])(.+)\z")]
    private static partial Regex OffsetPattern();

    [GeneratedRegex(@"^([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?\z")]
    private static partial Regex ClockPattern();
}
