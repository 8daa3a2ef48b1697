using System.Text.Json;
using System.Text.Json.Nodes;

namespace Article42.Mesh.Exercises;

/// <summary>
/// The JSON body of a message as the scenario wrote it (snake_case, the protocol's contract), with scenario
/// times still written as <c>T+HH:MM</c>. <see cref="Resolve"/> turns those into UTC times on a clock the
/// caller chooses, and <see cref="ToBody"/> types the result with the protocol's strict codec.
/// </summary>
public sealed class PayloadTemplate
{
    // The plan is read by people: keep '+' in T+00:10 instead of the default encoder's \u002B.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string _json;

    public PayloadTemplate(MessageKind kind, JsonObject json)
    {
        Kind = kind;
        _json = json.ToJsonString(Readable);
    }

    public MessageKind Kind { get; }

    /// <summary>The template as compact JSON, times unresolved.</summary>
    public string Json => _json;

    /// <summary>A copy of the template.</summary>
    public JsonObject ToJsonObject() => JsonNode.Parse(_json)!.AsObject();

    /// <summary>The payload with every <c>T±HH:MM[:SS]</c> string replaced by <paramref name="clock"/>'s UTC time for that offset.</summary>
    public JsonObject Resolve(Func<TimeSpan, DateTimeOffset> clock)
    {
        var copy = ToJsonObject();
        ResolveIn(copy, clock);
        return copy;
    }

    /// <summary>The typed body on a clock; throws when it does not decode (the loader has checked that it does).</summary>
    public MessageBody ToBody(Func<TimeSpan, DateTimeOffset> clock)
    {
        var result = PayloadCodec.Decode(Kind, Resolve(clock));
        return result.Body ?? throw new InvalidOperationException(
            $"the {EnvelopeCodec.KindName(Kind)} payload does not decode: {string.Join("; ", result.Errors)}");
    }

    private static void ResolveIn(JsonNode? node, Func<TimeSpan, DateTimeOffset> clock)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (Offset(child) is { } offset)
                        obj[name] = Stamp(clock(offset));
                    else
                        ResolveIn(child, clock);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (Offset(array[i]) is { } offset)
                        array[i] = Stamp(clock(offset));
                    else
                        ResolveIn(array[i], clock);
                }
                break;
        }
    }

    private static TimeSpan? Offset(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String
        && ScenarioTime.TryParseOffset(value.GetValue<string>(), out var offset) ? offset : null;

    private static JsonValue Stamp(DateTimeOffset time) =>
        JsonValue.Create(UtcMillisecondsConverter.Normalize(time).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
}
