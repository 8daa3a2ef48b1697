using System.Globalization;
using System.Text.Json;

namespace Article42.Mesh.Protocol;

/// <summary>
/// Times on the wire are UTC at millisecond precision, always written as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>.
/// A fixed form keeps the canonical bytes (and so signatures) independent of how a time was typed;
/// finer precision is refused rather than silently truncated, so a round trip is exact.
/// </summary>
public sealed class UtcMillisecondsConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <inheritdoc/>
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException(ExpectedTime);
        return TryParse(reader.GetString()!, out var value, out var error) ? value : throw new JsonException(error);
    }

    internal const string ExpectedTime = "expected a time such as \"2026-11-26T21:05:00.000Z\"";

    // ISO 8601 extended form with seconds, up to 7 fraction digits (more than 3 is refused below), and an explicit
    // offset: Z or +hh:mm/-hh:mm. No other spelling, no missing offset, nothing before or after.
    private static readonly string[] Formats = [.. new[] { "", ".f", ".ff", ".fff", ".ffff", ".fffff", ".ffffff", ".fffffff" }
        .SelectMany(fraction => new[] { $"yyyy'-'MM'-'dd'T'HH':'mm':'ss{fraction}'Z'", $"yyyy'-'MM'-'dd'T'HH':'mm':'ss{fraction}zzz" })];

    /// <summary>
    /// Parses an ISO 8601 time with an explicit offset (<c>Z</c> or <c>+hh:mm</c>) and normalises it to UTC; the
    /// error is a sentence for the user.
    /// </summary>
    public static bool TryParse(string text, out DateTimeOffset value, out string error)
    {
        error = "";
        if (!DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
            error = $"'{ValidationContext.Truncate(text)}' is not an ISO 8601 time; {ExpectedTime}";
        else if (value.Ticks % TimeSpan.TicksPerMillisecond != 0)
            error = $"'{ValidationContext.Truncate(text)}' is more precise than milliseconds";
        value = value.ToUniversalTime();
        return error.Length == 0;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Normalize(value).ToString(Format, CultureInfo.InvariantCulture));

    /// <summary>The instant as the wire keeps it: UTC, truncated to whole milliseconds.</summary>
    public static DateTimeOffset Normalize(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
