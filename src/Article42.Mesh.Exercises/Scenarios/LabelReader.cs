using YamlDotNet.RepresentationModel;

namespace Article42.Mesh.Exercises;

/// <summary>Reads a label: a level alone (<c>RESTREINT_UE</c>) or <c>{level, releasable_to, caveats}</c>.</summary>
internal sealed class LabelReader(YamlFields yaml)
{
    public SecurityLabel? Read(YamlNode? node, string where)
    {
        if (node is null)
            return SecurityLabel.Unclassified;
        if (node is YamlScalarNode)
            return yaml.Enum<Classification>(node, where) is { } level ? new SecurityLabel { Level = level } : null;
        if (yaml.Map(node, where, "level", "releasable_to", "caveats") is not { } fields)
            return null;
        var before = yaml.ErrorCount;
        var label = new SecurityLabel
        {
            Level = yaml.Enum<Classification>(yaml.Required(fields, node, "level", where), $"{where}.level") ?? Classification.Unclassified,
            ReleasableTo = [.. yaml.Ids(YamlFields.Optional(fields, "releasable_to"), $"{where}.releasable_to").Select(i => i.Id)],
            Caveats = [.. yaml.Ids(YamlFields.Optional(fields, "caveats"), $"{where}.caveats").Select(i => i.Id)],
        };
        return yaml.ErrorCount > before ? null : label;
    }
}
