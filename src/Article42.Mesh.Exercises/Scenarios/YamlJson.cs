using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Article42.Mesh.Exercises;

/// <summary>
/// Converts a YAML payload to JSON by the YAML core schema (plain <c>12</c> is a number, <c>true</c> a boolean,
/// <c>null</c> or <c>~</c> null, anything quoted a string), remembering where each JSON path came from so the
/// protocol codec's errors (<c>$.payload.lines[0].quantity</c>) point at a line and column of the file.
/// </summary>
internal sealed partial class YamlJson
{
    private readonly Dictionary<string, YamlNode> _origins = new(StringComparer.Ordinal);
    private readonly Dictionary<string, YamlNode> _keys = new(StringComparer.Ordinal);

    public JsonNode? Convert(YamlNode node, string path)
    {
        _origins[path] = node;
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    var name = (key as YamlScalarNode)?.Value ?? "";
                    _keys[$"{path}.{name}"] = key;
                    obj[name] = Convert(value, $"{path}.{name}");
                }
                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                for (var i = 0; i < sequence.Children.Count; i++)
                    array.Add(Convert(sequence.Children[i], $"{path}[{i}]"));
                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                return null;
        }
    }

    /// <summary>The key of a mapping entry, where an error about the field itself (unknown, repeated) belongs.</summary>
    public YamlNode? KeyOrigin(string path) => _keys.GetValueOrDefault(path) ?? Origin(path);

    /// <summary>The node an error path came from: the path itself, or its nearest parent that exists in the file.</summary>
    public YamlNode? Origin(string path)
    {
        for (var current = path; current.Length > 0; current = Parent(current))
        {
            if (_origins.TryGetValue(current, out var node))
                return node;
        }
        return null;
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain)
            return JsonValue.Create(text);
        if (text is "" or "~" or "null" or "Null" or "NULL")
            return null;
        if (text is "true" or "false")
            return JsonValue.Create(text == "true");
        if (Integer().IsMatch(text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole))
            return JsonValue.Create(whole);
        if (Real().IsMatch(text) && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
            return JsonValue.Create(real);
        return JsonValue.Create(text);
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }

    [GeneratedRegex("^-?[0-9]+\\z")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^-?[0-9]+\.[0-9]+([eE][-+]?[0-9]+)?\z")]
    private static partial Regex Real();
}
