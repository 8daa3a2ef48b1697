using System.Text.Json;

namespace Article42.Mesh.IntegrationTests.Telemetry;

/// <summary>One span of an OTLP JSON document (<c>resourceSpans[].scopeSpans[].spans[]</c>), with its resource's service.</summary>
public sealed record ReceivedSpan(
    string ServiceName,
    string ServiceInstanceId,
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    int Kind,
    long StartTimeUnixNano,
    IReadOnlyDictionary<string, string> Attributes,
    string? StatusMessage)
{
    /// <summary>OTLP's span kinds: 3 client, 4 producer, 5 consumer.</summary>
    public const int Client = 3;
    public const int Producer = 4;
    public const int Consumer = 5;

    public static IReadOnlyList<ReceivedSpan> From(JsonElement otlp) =>
    [
        .. otlp.GetProperty("resourceSpans").EnumerateArray().SelectMany(resource =>
        {
            var service = AttributesOf(resource.GetProperty("resource"));
            return resource.GetProperty("scopeSpans").EnumerateArray()
                .SelectMany(scope => scope.GetProperty("spans").EnumerateArray())
                .Select(span => new ReceivedSpan(
                    service.GetValueOrDefault("service.name", ""),
                    service.GetValueOrDefault("service.instance.id", ""),
                    span.GetProperty("traceId").GetString()!,
                    span.GetProperty("spanId").GetString()!,
                    span.TryGetProperty("parentSpanId", out var parent) && parent.GetString() is { Length: > 0 } id ? id : null,
                    span.GetProperty("name").GetString()!,
                    span.GetProperty("kind").GetInt32(),
                    long.Parse(span.GetProperty("startTimeUnixNano").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                    AttributesOf(span),
                    span.TryGetProperty("status", out var status) && status.TryGetProperty("message", out var message) ? message.GetString() : null));
        }),
    ];

    private static Dictionary<string, string> AttributesOf(JsonElement owner) =>
        owner.TryGetProperty("attributes", out var attributes)
            ? attributes.EnumerateArray().ToDictionary(
                a => a.GetProperty("key").GetString()!,
                a => a.GetProperty("value").EnumerateObject().First().Value.ToString())
            : [];
}
