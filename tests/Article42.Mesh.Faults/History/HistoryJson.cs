using System.Text.Json;
using System.Text.Json.Serialization;

namespace Article42.Mesh.Faults.History;

/// <summary>The one JSON shape of history lines: snake_case names and enum values, absent fields left out.</summary>
public static class HistoryJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Line(HistoryEntry entry) => JsonSerializer.Serialize(entry, Options);

    public static HistoryEntry Parse(string line) =>
        JsonSerializer.Deserialize<HistoryEntry>(line, Options) ?? throw new JsonException($"not a history line: {line}");
}
