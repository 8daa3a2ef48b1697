using System.Globalization;
using System.Text.Json.Nodes;

namespace Article42.Mesh.Exercises;

/// <summary>Builds EXCON's INJECT body from the MSEL entry, so scenario authors never write one by hand.</summary>
internal static class InjectTemplate
{
    public sealed record Fields(string MselId, TimeSpan At, DateTimeOffset SimulatedTime, string? SimulatedActor,
        ImmutableArray<string> To, MessageKind? ContentKind, string Content, string? ControllerNote);

    public static PayloadTemplate Build(Fields fields, ImmutableArray<Expectation> expectations)
    {
        var json = new JsonObject
        {
            ["msel_id"] = fields.MselId,
            ["scheduled_offset_seconds"] = (long)fields.At.TotalSeconds,
            // The scenario's own date-time, not a T+ offset: it must not move with the run's clock.
            ["simulated_time"] = UtcMillisecondsConverter.Normalize(fields.SimulatedTime).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["to"] = new JsonArray([.. fields.To.Select(id => (JsonNode)id)]),
            ["content"] = fields.Content,
            ["expected_actions"] = new JsonArray([.. expectations.Select(Expected)]),
        };
        if (fields.SimulatedActor is not null)
            json["from_simulated_actor"] = fields.SimulatedActor;
        if (fields.ContentKind is { } kind)
            json["content_kind"] = EnvelopeCodec.KindName(kind);
        if (fields.ControllerNote is not null)
            json["controller_note"] = fields.ControllerNote;
        return new PayloadTemplate(MessageKind.Inject, json);
    }

    private static JsonNode Expected(Expectation expectation)
    {
        var json = new JsonObject
        {
            ["description"] = expectation.Description,
            ["deadline_seconds"] = (int)expectation.Within.TotalSeconds,
            ["score"] = expectation.Score,
        };
        // The protocol names one actor; an expectation of several players leaves it open.
        if (expectation.Actors.Length == 1)
            json["actor"] = expectation.Actors[0];
        return json;
    }
}
