using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Article42.Mesh.Exercises;

/// <summary>Reads the MSEL: each inject's timing, sender, addressees, kind and payload, and what it expects.</summary>
internal sealed partial class MselReader(YamlFields yaml, MselContext context)
{
    private static readonly string[] Fields =
        ["id", "at", "from", "to", "info", "kind", "precedence", "label", "activation", "reply_to", "title", "payload", "content", "content_kind", "as", "note", "expect", "resume_after"];

    private static readonly string[] ExconOnly = ["content", "content_kind", "as", "note"];

    private readonly PayloadChecker _payloads = new(yaml, context);
    private readonly HashSet<string> _expectationIds = new(StringComparer.Ordinal);

    /// <summary>Every expectation id written in the MSEL, including those of injects that had errors.</summary>
    public IReadOnlySet<string> ExpectationIds => _expectationIds;

    public ImmutableArray<Inject> Read(YamlNode? node)
    {
        var items = yaml.List(node, "msel");
        if (node is not null && items.Count == 0)
            yaml.Error(node, ErrorCodes.ScenarioMissingField, "msel must list at least one inject");
        var read = new List<(Inject Inject, int Index, YamlNode? ReplyNode)>();
        for (var i = 0; i < items.Count; i++)
        {
            if (ReadOne(items[i], i, read.Select(r => r.Inject.Id)) is { } inject)
                read.Add((inject.Inject, i, inject.ReplyNode));
        }
        foreach (var (inject, index, replyNode) in read.Where(r => r.Inject.ReplyTo is not null))
        {
            var answered = read.FirstOrDefault(r => r.Inject.Id == inject.ReplyTo).Inject;
            if (answered is null)
                yaml.Error(replyNode!, ErrorCodes.ScenarioUnknownReference, $"unknown inject '{inject.ReplyTo}' in msel[{index}].reply_to", NearestNames.For(inject.ReplyTo!, read.Select(r => r.Inject.Id)));
            else if (answered.At > inject.At)
                yaml.Error(replyNode!, ErrorCodes.ScenarioRuleBroken, $"msel[{index}] answers '{inject.ReplyTo}', which comes later ({ScenarioTime.FormatOffset(answered.At)})");
        }
        return [.. read.OrderBy(r => r.Inject.At).ThenBy(r => r.Index).Select(r => BeforeInvocationWithoutActivation(r.Inject, read))];
    }

    private (Inject Inject, YamlNode? ReplyNode)? ReadOne(YamlNode item, int index, IEnumerable<string> earlierIds)
    {
        var where = $"msel[{index}]";
        if (yaml.Map(item, where, Fields) is not { } fields)
            return null;
        var before = yaml.ErrorCount;
        var id = yaml.Text(yaml.Required(fields, item, "id", where), $"{where}.id");
        if (id is not null && !Token().IsMatch(id))
            yaml.Error(fields["id"], ErrorCodes.ScenarioBadValue, $"'{id}' in {where}.id is not an MSEL id (letters, digits, '.', '-', '_')");
        else if (id is not null && earlierIds.Contains(id))
            yaml.Error(fields["id"], ErrorCodes.ScenarioDuplicateId, $"MSEL id '{id}' in {where}.id is used twice");
        var at = yaml.Offset(yaml.Required(fields, item, "at", where), $"{where}.at");
        if (at > context.Endex)
            yaml.Error(fields["at"], ErrorCodes.ScenarioRuleBroken, $"{where}.at {ScenarioTime.FormatOffset(at.Value)} is after ENDEX {ScenarioTime.FormatOffset(context.Endex)}");
        var from = Sender(fields, item, where);
        var kind = Kind(fields, from, where);
        var to = Addressees(yaml.Ids(yaml.Required(fields, item, "to", where), $"{where}.to"), $"{where}.to");
        var info = Addressees(yaml.Ids(YamlFields.Optional(fields, "info"), $"{where}.info"), $"{where}.info");
        var precedence = YamlFields.Optional(fields, "precedence") is { } p ? yaml.Enum<Precedence>(p, $"{where}.precedence") : null;
        var labelNode = YamlFields.Optional(fields, "label");
        var label = new LabelReader(yaml).Read(labelNode, $"{where}.label");
        var activation = Activation(fields, item, kind, from, where);
        var replyTo = yaml.Text(YamlFields.Optional(fields, "reply_to"), $"{where}.reply_to");
        if (kind is { } k && MessageCatalogue.Of(k).IsReply && replyTo is null && fields.ContainsKey("kind"))
            yaml.Error(fields["kind"], ErrorCodes.ScenarioMissingField, $"{EnvelopeCodec.KindName(k)} answers a message: name the inject it answers in {where}.reply_to");
        var title = yaml.Text(YamlFields.Optional(fields, "title"), $"{where}.title") ?? "";
        var resumeAfter = ResumeAfter(fields, item, kind, where);
        var recipients = from is null ? [] : context.Players(to.Select(a => a.Id), from);
        var expectations = new ExpectationReader(yaml, context, _payloads, _expectationIds)
            .Read(YamlFields.Optional(fields, "expect"), $"{where}.expect", id ?? where, from, recipients, activation);
        if (yaml.ErrorCount > before || id is null || at is null || from is null || kind is null || label is null)
            return null;

        var resolvedPrecedence = precedence ?? MessageCatalogue.Of(kind.Value).DefaultPrecedence;
        var parts = new EnvelopeParts(from, [.. to.Select(a => a.Id)], [.. info.Select(a => a.Id)], kind.Value, resolvedPrecedence, label,
            activation, MessageCatalogue.Of(kind.Value).IsReply ? EnvelopeSkeleton.PlaceholderReplyTo : null);
        var origins = new PayloadChecker.Origins(item, [.. to.Select(a => a.Node)], [.. info.Select(a => a.Node)], labelNode);
        var payload = kind switch
        {
            MessageKind.Inject => ExconPayload(fields, item, where, id, at.Value, parts, expectations, origins),
            MessageKind.Pauseex => PausePayload(fields, where, at.Value, title, parts, origins),
            _ => ScriptedPayload(fields, item, where, kind.Value, at.Value, parts, origins),
        };
        if (payload is null)
            return null;
        var inject = new Inject
        {
            Id = id,
            At = at.Value,
            From = from,
            To = parts.To,
            Info = parts.Info,
            Kind = kind.Value,
            Precedence = resolvedPrecedence,
            Label = label,
            ActivationId = activation,
            ReplyTo = replyTo,
            Title = title,
            Payload = payload,
            Expectations = expectations,
            ResumeAfter = resumeAfter,
        };
        return (inject, YamlFields.Optional(fields, "reply_to"));
    }

    private string? Sender(Dictionary<string, YamlNode> fields, YamlNode item, string where)
    {
        var node = yaml.Required(fields, item, "from", where);
        var from = yaml.Text(node, $"{where}.from");
        if (from is null || from == ScenarioLoader.Excon || context.Plays(from))
            return from;
        if (context.Registry.Contains(from))
            yaml.Error(node!, ErrorCodes.ScenarioRuleBroken, $"'{from}' in {where}.from does not play in this scenario: add it to participants.players or send from EXCON");
        else
            yaml.UnknownParticipant(node!, from, $"{where}.from", context.Registry);
        return null;
    }

    private MessageKind? Kind(Dictionary<string, YamlNode> fields, string? from, string where)
    {
        var node = YamlFields.Optional(fields, "kind");
        if (node is null)
        {
            if (from != ScenarioLoader.Excon && from is not null)
                yaml.Error(fields["from"], ErrorCodes.ScenarioMissingField, $"missing field 'kind' in {where}: a message from {from} names its kind");
            return from == ScenarioLoader.Excon ? MessageKind.Inject : null;
        }
        if (yaml.Enum<MessageKind>(node, $"{where}.kind") is not { } kind)
            return null;
        var name = EnvelopeCodec.KindName(kind);
        var info = MessageCatalogue.Of(kind);
        string? refusal = kind switch
        {
            MessageKind.RealWorld => $"{name} (NO DUFF) is real-world traffic and is never scripted in an exercise",
            _ when info.MeshOnly => $"{name} is produced by the mesh itself and cannot be scripted",
            MessageKind.Startex or MessageKind.Endex => $"{name} is sent by the runner from the scenario's clock, not scripted in {where}",
            MessageKind.Resumeex => $"{name} is sent by the runner when a PAUSEEX's resume_after has passed, not scripted in {where}",
            MessageKind.Pauseex when from is not null && from != ScenarioLoader.Excon => $"only EXCON sends {name}; {where} comes from {from}",
            _ when info.Family == MessageFamily.ExerciseControl && from is not null && from != ScenarioLoader.Excon && kind == MessageKind.Inject =>
                $"only EXCON sends {name}; {where} comes from {from}",
            _ when from == ScenarioLoader.Excon && kind is not (MessageKind.Inject or MessageKind.Pauseex) => $"EXCON plays the MSEL as INJECT messages; a {name} comes from a playing participant",
            _ => null,
        };
        if (refusal is null)
            return kind;
        yaml.Error(node, ErrorCodes.ScenarioRuleBroken, refusal);
        return null;
    }

    private ImmutableArray<(string Id, YamlNode Node)> Addressees(ImmutableArray<(string Id, YamlNode Node)> ids, string where)
    {
        foreach (var (id, node) in ids.Where(a => !ParticipantGroups.IsGroup(a.Id) && !context.Registry.Contains(a.Id)))
            yaml.UnknownParticipant(node, id, where, context.Registry);
        return ids;
    }

    /// <summary>
    /// The mesh refuses a message naming an activation not yet invoked, so a kind whose activation is optional (an
    /// early INCIDENT_REPORT, a SITREP) travels without one until the INVOCATION is played.
    /// </summary>
    private static Inject BeforeInvocationWithoutActivation(Inject inject, List<(Inject Inject, int Index, YamlNode? ReplyNode)> read)
    {
        if (inject.ActivationId is not { } activation || MessageCatalogue.Of(inject.Kind).Activation == ActivationScope.Required)
            return inject;
        var invoked = read.Where(r => r.Inject.Kind == MessageKind.Invocation && r.Inject.ActivationId == activation).Select(r => (TimeSpan?)r.Inject.At).Min();
        return invoked is { } at && inject.At >= at ? inject : inject with { ActivationId = null };
    }

    private string? Activation(Dictionary<string, YamlNode> fields, YamlNode item, MessageKind? kind, string? from, string where)
    {
        if (YamlFields.Optional(fields, "activation") is { } node)
        {
            var id = yaml.Text(node, $"{where}.activation");
            if (id is not null && context.Activations.All(a => a.Id != id))
                yaml.Error(node, ErrorCodes.ScenarioUnknownReference, $"unknown activation '{id}' in {where}.activation (the scenario plays {string.Join(", ", context.Activations.Select(a => a.Id))})", NearestNames.For(id, context.Activations.Select(a => a.Id)));
            return id;
        }
        if (kind is null || kind == MessageKind.Inject || context.Activations.IsEmpty || MessageCatalogue.Of(kind.Value).Family != MessageFamily.Lifecycle)
            return null;
        var own = context.Activations.Where(a => a.Invoker == from).ToList();
        if (context.Activations.Length == 1)
            return context.Activations[0].Id;
        if (own.Count == 1)
            return own[0].Id;
        if (MessageCatalogue.Of(kind.Value).Activation == ActivationScope.Required)
            yaml.Error(item, ErrorCodes.ScenarioMissingField, $"{where} needs 'activation': the scenario plays {context.Activations.Length} activations");
        return null;
    }

    private PayloadTemplate? ScriptedPayload(Dictionary<string, YamlNode> fields, YamlNode item, string where, MessageKind kind, TimeSpan at, EnvelopeParts parts, PayloadChecker.Origins origins)
    {
        foreach (var name in ExconOnly.Where(fields.ContainsKey))
            yaml.Error(fields[name], ErrorCodes.ScenarioRuleBroken, $"'{name}' in {where} is for EXCON injects; a {EnvelopeCodec.KindName(kind)} carries its body in payload");
        if (yaml.Required(fields, item, "payload", where) is not { } payload)
            return null;
        return _payloads.FromYaml(kind, payload, where, parts, at, origins);
    }

    private PayloadTemplate? ExconPayload(Dictionary<string, YamlNode> fields, YamlNode item, string where, string id, TimeSpan at,
        EnvelopeParts parts, ImmutableArray<Expectation> expectations, PayloadChecker.Origins origins)
    {
        if (fields.TryGetValue("payload", out var payloadNode))
            yaml.Error(payloadNode, ErrorCodes.ScenarioRuleBroken, $"an INJECT is written with content, as, content_kind, note and expect, not payload ({where})");
        var content = yaml.Text(yaml.Required(fields, item, "content", where), $"{where}.content");
        var contentKind = YamlFields.Optional(fields, "content_kind") is { } ck ? yaml.Enum<MessageKind>(ck, $"{where}.content_kind") : null;
        var actor = yaml.Text(YamlFields.Optional(fields, "as"), $"{where}.as");
        var note = yaml.Text(YamlFields.Optional(fields, "note"), $"{where}.note");
        if (content is null)
            return null;
        var template = InjectTemplate.Build(new InjectTemplate.Fields(id, at, context.SimulatedStart + at, actor, parts.To, contentKind, content, note), expectations);
        return _payloads.Built(template, where, parts, at, origins);
    }

    /// <summary>A PAUSEEX's pause, in real time (1 s to 24 h): required there, refused anywhere else.</summary>
    private TimeSpan? ResumeAfter(Dictionary<string, YamlNode> fields, YamlNode item, MessageKind? kind, string where)
    {
        var node = YamlFields.Optional(fields, "resume_after");
        if (kind != MessageKind.Pauseex)
        {
            if (node is not null && kind is not null)
                yaml.Error(node, ErrorCodes.ScenarioRuleBroken, $"'resume_after' in {where} is for EXCON's PAUSEEX; a {EnvelopeCodec.KindName(kind.Value)} does not pause the exercise");
            return null;
        }
        if (yaml.Duration(yaml.Required(fields, item, "resume_after", where), $"{where}.resume_after") is not { } pause)
            return null;
        if (pause >= TimeSpan.FromSeconds(1) && pause <= TimeSpan.FromHours(24))
            return pause;
        yaml.Error(node!, ErrorCodes.ScenarioBadValue, $"{where}.resume_after must be between 00:00:01 and 24:00:00 of real time");
        return null;
    }

    /// <summary>EXCON's PAUSEEX body: the pause's time on both clocks and its title as the note.</summary>
    private PayloadTemplate? PausePayload(Dictionary<string, YamlNode> fields, string where, TimeSpan at, string title, EnvelopeParts parts, PayloadChecker.Origins origins)
    {
        foreach (var name in ExconOnly.Append("payload").Where(fields.ContainsKey))
            yaml.Error(fields[name], ErrorCodes.ScenarioRuleBroken, $"a PAUSEEX is written with to, title and resume_after, not '{name}' ({where})");
        var body = new System.Text.Json.Nodes.JsonObject
        {
            ["exercise_time"] = ScenarioTime.FormatOffset(at),
            ["simulated_time"] = (context.SimulatedStart + at).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        };
        if (title.Length > 0)
            body["note"] = title;
        return _payloads.Built(new PayloadTemplate(MessageKind.Pauseex, body), where, parts, at, origins);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\\z")]
    private static partial Regex Token();
}
