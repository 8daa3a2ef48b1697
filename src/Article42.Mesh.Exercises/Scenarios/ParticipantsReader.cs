using YamlDotNet.RepresentationModel;

namespace Article42.Mesh.Exercises;

/// <summary>Reads <c>participants</c>: who plays (ids or groups), the default behaviour and each one's overrides.</summary>
internal sealed class ParticipantsReader(YamlFields yaml, ParticipantRegistry registry)
{
    public ImmutableArray<ScenarioParticipant> Read(YamlNode? node)
    {
        if (yaml.Map(node, "participants", "players", "default", "behaviours") is not { } fields)
            return [];
        var players = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, where) in yaml.Ids(yaml.Required(fields, node!, "players", "participants"), "participants.players"))
        {
            if (id == ScenarioLoader.Excon)
                yaml.Error(where, ErrorCodes.ScenarioRuleBroken, "EXCON is exercise control, not a player: leave it out of participants.players");
            else if (ParticipantGroups.IsGroup(id))
                players.UnionWith(registry.Expand([id], sender: ""));
            else if (registry.Contains(id))
                players.Add(id);
            else
                yaml.UnknownParticipant(where, id, "participants.players", registry);
        }
        var behaviours = new BehaviourReader(yaml);
        var basis = behaviours.Read(YamlFields.Optional(fields, "default"), "participants.default", BehaviourReader.BuiltIn);
        var overrides = new Dictionary<string, Behaviour>(StringComparer.Ordinal);
        if (YamlFields.Optional(fields, "behaviours") is { } overrideNode)
        {
            if (overrideNode is not YamlMappingNode mapping)
            {
                yaml.Error(overrideNode, ErrorCodes.ScenarioBadValue, "participants.behaviours must map participant ids to behaviours");
            }
            else
            {
                foreach (var (key, value) in mapping.Children)
                {
                    var id = (key as YamlScalarNode)?.Value ?? "";
                    if (!registry.Contains(id))
                        yaml.UnknownParticipant(key, id, "participants.behaviours", registry);
                    else if (!players.Contains(id))
                        yaml.Error(key, ErrorCodes.ScenarioRuleBroken, $"'{id}' in participants.behaviours does not play: add it to participants.players");
                    overrides[id] = behaviours.Read(value, $"participants.behaviours.{id}", basis);
                }
            }
        }
        return [.. registry.Participants.Where(p => players.Contains(p.Id))
            .Select(p => new ScenarioParticipant(p.Id, overrides.GetValueOrDefault(p.Id) ?? basis))];
    }
}
