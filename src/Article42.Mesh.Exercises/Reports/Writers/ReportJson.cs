using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Article42.Mesh.Exercises;

/// <summary>
/// <c>report.json</c>: the report in snake_case with two parts, <c>figures</c> and <c>run</c>. Protocol enums keep
/// their wire names (<c>FLASH</c>, <c>INVOCATION_ACK</c>); the report's own enums are written in snake_case.
/// </summary>
public static class ReportJson
{
    /// <summary>The report's JSON conventions, shared with the arrival log.</summary>
    internal static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new PlainEnumConverter() },
    };

    public static string Write(ExerciseReport report) => JsonSerializer.Serialize(report, Options) + "\n";

    /// <summary>Only the figures: the same text for the same scenario, seed and observed scenario-time facts.</summary>
    public static string WriteFigures(ReportFigures figures) => JsonSerializer.Serialize(figures, Options) + "\n";

    /// <summary>Enums without a wire converter of their own (the report's, and a few protocol ones) as snake_case names.</summary>
    private sealed class PlainEnumConverter : JsonConverterFactory
    {
        private readonly JsonStringEnumConverter _inner = new(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false);

        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.IsEnum && !typeToConvert.IsDefined(typeof(JsonConverterAttribute), inherit: false);

        public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            _inner.CreateConverter(typeToConvert, options);
    }
}
