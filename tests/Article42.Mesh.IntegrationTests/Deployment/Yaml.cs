using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Article42.Mesh.IntegrationTests.Deployment;

/// <summary>Reading manifests: every document of a YAML stream (merge keys applied), and required values by path.</summary>
public static class Yaml
{
    public static IReadOnlyList<YamlMappingNode> Documents(string text)
    {
        var stream = new YamlStream();
        stream.Load(new MergingParser(new Parser(new StringReader(text))));
        return [.. stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>()];
    }

    /// <summary>The node at <paramref name="path"/> of mapping keys, or null where one is missing.</summary>
    public static YamlNode? At(this YamlNode node, params string[] path)
    {
        YamlNode? current = node;
        foreach (var key in path)
            current = current is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;
        return current;
    }

    public static YamlMappingNode Map(this YamlNode node, params string[] path) =>
        node.At(path) as YamlMappingNode ?? throw new InvalidOperationException($"no mapping at {string.Join('.', path)}");

    public static IReadOnlyList<YamlNode> List(this YamlNode node, params string[] path) =>
        node.At(path) is YamlSequenceNode sequence ? [.. sequence.Children] : [];

    public static string Text(this YamlNode node, params string[] path) =>
        node.TextOrNull(path) ?? throw new InvalidOperationException($"no value at {string.Join('.', path)}");

    public static string? TextOrNull(this YamlNode node, params string[] path) => (node.At(path) as YamlScalarNode)?.Value;

    /// <summary>A mapping of scalars (labels, annotations, a compose environment) as a dictionary.</summary>
    public static IReadOnlyDictionary<string, string> Strings(this YamlNode node, params string[] path) =>
        node.At(path) is YamlMappingNode map
            ? map.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value ?? "")
            : new Dictionary<string, string>();
}
