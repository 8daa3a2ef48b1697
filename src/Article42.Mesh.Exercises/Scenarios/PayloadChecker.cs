using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Article42.Mesh.Exercises;

/// <summary>
/// Checks one scripted message the way the mesh will: its YAML payload becomes JSON, is typed by the protocol's
/// strict codec and the whole envelope is validated; each error lands on the YAML node it came from.
/// </summary>
internal sealed class PayloadChecker(YamlFields yaml, MselContext context)
{
    /// <summary>Nodes of the addressing fields, so envelope errors can point at them.</summary>
    public sealed record Origins(YamlNode Message, IReadOnlyList<YamlNode> To, IReadOnlyList<YamlNode> Info, YamlNode? Label);

    public PayloadTemplate? FromYaml(MessageKind kind, YamlNode payload, string where, EnvelopeParts parts, TimeSpan at, Origins origins)
    {
        var converter = new YamlJson();
        if (converter.Convert(payload, "$.payload") is not JsonObject json)
        {
            yaml.Error(payload, ErrorCodes.ScenarioBadValue, $"{where}.payload must be a mapping: the {EnvelopeCodec.KindName(kind)} body in the protocol's snake_case fields");
            return null;
        }
        var before = yaml.ErrorCount;
        CheckOffsets(json, "$.payload", converter, where);
        if (yaml.ErrorCount > before)
            return null;
        return Check(new PayloadTemplate(kind, json), where, parts, at, origins, converter);
    }

    /// <summary>Checks a payload built by the loader itself (an INJECT); errors land on the message.</summary>
    public PayloadTemplate? Built(PayloadTemplate template, string where, EnvelopeParts parts, TimeSpan at, Origins origins) =>
        Check(template, where, parts, at, origins, null);

    private PayloadTemplate? Check(PayloadTemplate template, string where, EnvelopeParts parts, TimeSpan at, Origins origins, YamlJson? origin)
    {
        var clock = (TimeSpan offset) => context.SimulatedStart + offset;
        var (body, decodeErrors) = PayloadCodec.Decode(template.Kind, template.Resolve(clock));
        foreach (var error in decodeErrors)
            Report(error, where, origins, origin);
        if (body is null)
            return null;
        var created = context.SimulatedStart + at;
        var envelope = ExerciseEnvelope.Build(context.Probe, parts, body, EnvelopeSkeleton.PlaceholderReplyTo, created);
        var errors = EnvelopeValidator.Validate(envelope, context.Registry, created);
        foreach (var error in errors)
            Report(error, where, origins, origin);
        return errors.IsEmpty ? template : null;
    }

    private void Report(MeshError error, string where, Origins origins, YamlJson? origin)
    {
        var path = error.Path;
        if (path.StartsWith("$.payload", StringComparison.Ordinal))
        {
            var aboutField = error.Code is ErrorCodes.UnknownField or ErrorCodes.DuplicateField;
            yaml.Error((aboutField ? origin?.KeyOrigin(path) : origin?.Origin(path)) ?? origins.Message, error.Code, $"{error.Message} in {where}{path[1..]}");
            return;
        }
        var (node, field) = path switch
        {
            _ when path.StartsWith("$.to_action[", StringComparison.Ordinal) => (Item(origins.To, path), "to"),
            _ when path.StartsWith("$.to_info[", StringComparison.Ordinal) => (Item(origins.Info, path), "info"),
            _ when path.StartsWith("$.label", StringComparison.Ordinal) => (origins.Label, "label"),
            _ => (null, path[2..]),
        };
        yaml.Error(node ?? origins.Message, error.Code, $"{error.Message} in {where}.{field}");
    }

    private static YamlNode? Item(IReadOnlyList<YamlNode> nodes, string path)
    {
        var open = path.IndexOf('[', StringComparison.Ordinal);
        var close = path.IndexOf(']', StringComparison.Ordinal);
        return int.TryParse(path.AsSpan(open + 1, close - open - 1), System.Globalization.CultureInfo.InvariantCulture, out var index) && index < nodes.Count ? nodes[index] : null;
    }

    /// <summary>A text that starts like a scenario time but is not one is a typo, not a string.</summary>
    private void CheckOffsets(JsonNode? node, string path, YamlJson converter, string where)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                    CheckOffsets(child, $"{path}.{name}", converter, where);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    CheckOffsets(array[i], $"{path}[{i}]", converter, where);
                break;
            case JsonValue value when value.TryGetValue<string>(out var text) && ScenarioTime.LooksLikeOffset(text) && !ScenarioTime.TryParseOffset(text, out _):
                yaml.Error(converter.Origin(path)!, ErrorCodes.ScenarioBadValue, $"'{text}' in {where}{path[1..]} is not a scenario time: write T+HH:MM or T+HH:MM:SS");
                break;
        }
    }
}
