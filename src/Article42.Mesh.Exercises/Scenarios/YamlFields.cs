using YamlDotNet.RepresentationModel;

namespace Article42.Mesh.Exercises;

/// <summary>
/// Reads YAML nodes into values while collecting errors at the node's line and column. Every reader method
/// returns null (or a default) after reporting, so one pass finds every error.
/// </summary>
internal sealed class YamlFields(List<ScenarioError> errors)
{
    public void Error(YamlNode node, string code, string message) => Error(node, code, message, []);

    /// <summary>An error with the names the author may have meant (<see cref="ScenarioError.Suggestions"/>).</summary>
    public void Error(YamlNode node, string code, string message, ImmutableArray<string> suggestions) =>
        errors.Add(new ScenarioError((int)node.Start.Line, (int)node.Start.Column, code, message) { Suggestions = suggestions });

    /// <summary>An id the registry does not hold, with the id it may have meant (<see cref="ParticipantHints"/>).</summary>
    public void UnknownParticipant(YamlNode node, string id, string where, ParticipantRegistry registry) =>
        Error(node, ErrorCodes.ScenarioUnknownParticipant, $"unknown participant '{id}' in {where}{ParticipantHints.Why(id, registry)}", ParticipantHints.For(id, registry));

    public int ErrorCount => errors.Count;

    /// <summary>The fields of a mapping; unknown ones are reported with <paramref name="where"/>.</summary>
    public Dictionary<string, YamlNode>? Map(YamlNode? node, string where, params string[] allowed)
    {
        if (node is null)
            return null;
        if (node is not YamlMappingNode mapping)
        {
            Error(node, ErrorCodes.ScenarioBadValue, $"{where} must be a mapping of fields");
            return null;
        }
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(key))
                Error(keyNode, ErrorCodes.ScenarioUnknownField, $"unknown field '{key}' in {where} (expected one of {string.Join(", ", allowed)})", NearestNames.For(key, allowed));
            else
                fields[key] = value;
        }
        return fields;
    }

    /// <summary>A required field; reports its absence at the mapping.</summary>
    public YamlNode? Required(Dictionary<string, YamlNode> fields, YamlNode at, string name, string where)
    {
        if (fields.TryGetValue(name, out var node))
            return node;
        Error(at, ErrorCodes.ScenarioMissingField, $"missing field '{name}' in {where}");
        return null;
    }

    public static YamlNode? Optional(Dictionary<string, YamlNode> fields, string name) => fields.GetValueOrDefault(name);

    /// <summary>A scalar's text; a mapping or list is reported.</summary>
    public string? Text(YamlNode? node, string where)
    {
        if (node is null)
            return null;
        if (node is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
            return value;
        Error(node, ErrorCodes.ScenarioBadValue, $"{where} must be a non-empty text");
        return null;
    }

    /// <summary>One id or a list of ids.</summary>
    public ImmutableArray<(string Id, YamlNode Node)> Ids(YamlNode? node, string where)
    {
        switch (node)
        {
            case null:
                return [];
            case YamlScalarNode scalar when !string.IsNullOrWhiteSpace(scalar.Value):
                return [(scalar.Value!, scalar)];
            case YamlSequenceNode sequence:
                var ids = ImmutableArray.CreateBuilder<(string, YamlNode)>();
                var index = 0;
                foreach (var item in sequence.Children)
                {
                    if (Text(item, $"{where}[{index}]") is { } id)
                        ids.Add((id, item));
                    index++;
                }
                return ids.ToImmutable();
            default:
                Error(node, ErrorCodes.ScenarioBadValue, $"{where} must be an id or a list of ids");
                return [];
        }
    }

    public IReadOnlyList<YamlNode> List(YamlNode? node, string where)
    {
        if (node is null)
            return [];
        if (node is YamlSequenceNode sequence)
            return [.. sequence.Children];
        Error(node, ErrorCodes.ScenarioBadValue, $"{where} must be a list");
        return [];
    }

    public int? Integer(YamlNode? node, string where, int min, int max)
    {
        if (Text(node, where) is not { } text)
            return null;
        if (int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        Error(node!, ErrorCodes.ScenarioBadValue, $"{where} must be a whole number from {min} to {max}, not '{text}'");
        return null;
    }

    public double? Fraction(YamlNode? node, string where, double max = 1)
    {
        if (Text(node, where) is not { } text)
            return null;
        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= 0 && value <= max)
            return value;
        Error(node!, ErrorCodes.ScenarioBadValue, $"{where} must be a number from 0 to {max.ToString(System.Globalization.CultureInfo.InvariantCulture)}, not '{text}'");
        return null;
    }

    public bool? Flag(YamlNode? node, string where)
    {
        if (Text(node, where) is not { } text)
            return null;
        if (text is "true" or "false")
            return text == "true";
        Error(node!, ErrorCodes.ScenarioBadValue, $"{where} must be true or false, not '{text}'");
        return null;
    }

    public TimeSpan? Offset(YamlNode? node, string where)
    {
        if (Text(node, where) is not { } text)
            return null;
        if (ScenarioTime.TryParseOffset(text, out var offset) && offset >= TimeSpan.Zero)
            return offset;
        Error(node!, ErrorCodes.ScenarioBadValue, $"{where} '{text}' is not a scenario time: write T+HH:MM or T+HH:MM:SS (e.g. T+00:10)");
        return null;
    }

    public TimeSpan? Duration(YamlNode? node, string where)
    {
        if (Text(node, where) is not { } text)
            return null;
        if (ScenarioTime.TryParseDuration(text, out var duration))
            return duration;
        Error(node!, ErrorCodes.ScenarioBadValue, $"{where} '{text}' is not a duration: write HH:MM or HH:MM:SS (e.g. 00:15)");
        return null;
    }

    /// <summary>A protocol enum by its wire name (<c>FLASH</c>, <c>armed_attack</c>, <c>TEU_42_7</c>).</summary>
    public TEnum? Enum<TEnum>(YamlNode? node, string where) where TEnum : struct, Enum
    {
        if (Text(node, where) is not { } text)
            return null;
        foreach (var value in System.Enum.GetValues<TEnum>())
        {
            if (EnvelopeCodec.WireName(value) == text)
                return value;
        }
        var names = System.Enum.GetValues<TEnum>().Select(v => EnvelopeCodec.WireName(v)).ToList();
        Error(node!, ErrorCodes.ScenarioUnknownName, $"{where} '{text}' is not one of {string.Join(", ", names)}", NearestNames.For(text, names));
        return null;
    }
}
