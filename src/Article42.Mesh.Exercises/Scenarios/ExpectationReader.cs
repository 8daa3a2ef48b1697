using YamlDotNet.RepresentationModel;

namespace Article42.Mesh.Exercises;

/// <summary>Reads an inject's <c>expect</c> list: what, who, which kind, within how long, for how many points.</summary>
internal sealed class ExpectationReader(YamlFields yaml, MselContext context, PayloadChecker payloads, HashSet<string> seenIds)
{
    private static readonly string[] Fields = ["id", "what", "who", "any", "kind", "within", "score", "respond"];

    public ImmutableArray<Expectation> Read(YamlNode? node, string where, string injectId, string? sender, ImmutableArray<string> recipients, string? activation)
    {
        var result = ImmutableArray.CreateBuilder<Expectation>();
        var items = yaml.List(node, where);
        for (var i = 0; i < items.Count; i++)
        {
            var at = $"{where}[{i}]";
            if (yaml.Map(items[i], at, Fields) is not { } fields)
                continue;
            var before = yaml.ErrorCount;
            var id = yaml.Text(YamlFields.Optional(fields, "id"), $"{at}.id") ?? $"{injectId}.{(char)('a' + i)}";
            if (!seenIds.Add(id))
                yaml.Error(fields.GetValueOrDefault("id") ?? items[i], ErrorCodes.ScenarioDuplicateId, $"expectation id '{id}' in {at} is used twice");
            var what = yaml.Text(yaml.Required(fields, items[i], "what", at), $"{at}.what");
            var actors = Actors(YamlFields.Optional(fields, "who"), $"{at}.who", sender, recipients, items[i]);
            var any = yaml.Flag(YamlFields.Optional(fields, "any"), $"{at}.any") ?? false;
            var kind = YamlFields.Optional(fields, "kind") is { } k ? yaml.Enum<MessageKind>(k, $"{at}.kind") : null;
            var within = yaml.Duration(yaml.Required(fields, items[i], "within", at), $"{at}.within");
            if (within == TimeSpan.Zero)
                yaml.Error(fields["within"], ErrorCodes.ScenarioBadValue, $"{at}.within must be longer than 00:00");
            var score = yaml.Integer(YamlFields.Optional(fields, "score"), $"{at}.score", 0, 100) ?? 10;
            var respond = YamlFields.Optional(fields, "respond") is { } r ? Respond(r, $"{at}.respond", kind, actors, activation) : null;
            if (yaml.ErrorCount > before || what is null || within is null)
                continue;
            result.Add(new Expectation
            {
                Id = id,
                InjectId = injectId,
                Description = what,
                Actors = actors,
                Any = any,
                Kind = kind,
                Within = within.Value,
                Score = score,
                Respond = respond,
            });
        }
        return result.ToImmutable();
    }

    private ImmutableArray<string> Actors(YamlNode? node, string where, string? sender, ImmutableArray<string> recipients, YamlNode item)
    {
        if (node is null)
        {
            if (recipients.IsEmpty)
                yaml.Error(item, ErrorCodes.ScenarioMissingField, $"{where} is missing and the inject reaches no playing participant: name who is expected to act");
            return recipients;
        }
        var actors = new List<string>();
        foreach (var (id, at) in yaml.Ids(node, where))
        {
            if (ParticipantGroups.IsGroup(id))
                // A group never includes the inject's own sender, as in the mesh.
                actors.AddRange(context.Players([id], sender ?? "").Where(p => !actors.Contains(p)));
            else if (!context.Registry.Contains(id))
                yaml.UnknownParticipant(at, id, where, context.Registry);
            else if (!context.Plays(id))
                yaml.Error(at, ErrorCodes.ScenarioRuleBroken, $"'{id}' in {where} does not play in this scenario");
            else if (!actors.Contains(id))
                actors.Add(id);
        }
        return [.. actors];
    }

    private ScriptedResponse? Respond(YamlNode node, string where, MessageKind? kind, ImmutableArray<string> actors, string? injectActivation)
    {
        if (yaml.Map(node, where, "to", "info", "precedence", "label", "payload") is not { } fields)
            return null;
        if (kind is null)
        {
            yaml.Error(node, ErrorCodes.ScenarioMissingField, $"{where} needs the expectation's kind: it is the kind of message the actor sends");
            return null;
        }
        var to = yaml.Ids(yaml.Required(fields, node, "to", where), $"{where}.to");
        var info = yaml.Ids(YamlFields.Optional(fields, "info"), $"{where}.info");
        foreach (var (id, at) in to.Concat(info).Where(a => !ParticipantGroups.IsGroup(a.Id) && !context.Registry.Contains(a.Id)))
            yaml.UnknownParticipant(at, id, where, context.Registry);
        var precedence = YamlFields.Optional(fields, "precedence") is { } p ? yaml.Enum<Precedence>(p, $"{where}.precedence") : MessageCatalogue.Of(kind.Value).DefaultPrecedence;
        var label = new LabelReader(yaml).Read(YamlFields.Optional(fields, "label"), $"{where}.label");
        var payloadNode = yaml.Required(fields, node, "payload", where);
        if (payloadNode is null || precedence is null || label is null || actors.IsEmpty)
            return null;
        var lifecycle = MessageCatalogue.Of(kind.Value).Family == MessageFamily.Lifecycle;
        var activation = !lifecycle ? null : injectActivation ?? (context.Activations.Length == 1 ? context.Activations[0].Id
            : context.Activations.SingleOrDefault(a => a.Invoker == actors[0])?.Id);
        var parts = new EnvelopeParts(actors[0], [.. to.Select(a => a.Id)], [.. info.Select(a => a.Id)], kind.Value, precedence.Value, label, activation, null);
        var origins = new PayloadChecker.Origins(node, [.. to.Select(a => a.Node)], [.. info.Select(a => a.Node)], fields.GetValueOrDefault("label"));
        var payload = payloads.FromYaml(kind.Value, payloadNode, where, parts, TimeSpan.Zero, origins);
        return payload is null ? null : new ScriptedResponse(parts.To, parts.Info, precedence.Value, label, activation, payload);
    }
}
