using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Article42.Mesh.Exercises;

/// <summary>Reads a whole scenario document, collecting every error; <see cref="MselReader"/> does the MSEL.</summary>
internal sealed partial class ScenarioReader(string source, ParticipantRegistry registry)
{
    private static readonly string[] TopFields =
        ["exercise", "name", "description", "mode", "compression", "start", "endex", "threat", "activations", "participants", "msel", "objectives"];

    private readonly List<ScenarioError> _errors = [];

    public IReadOnlyList<ScenarioError> Errors => _errors;

    public Scenario? Read(string text)
    {
        var yaml = new YamlFields(_errors);
        if (ScenarioText.Problem(text) is { } unreadable)
        {
            _errors.Add(unreadable);
            return null;
        }
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            _errors.Add(new ScenarioError((int)ex.Start.Line, (int)ex.Start.Column, ErrorCodes.ScenarioUnreadable, $"not valid YAML: {Sentence(ex)}"));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on a few malformed inputs without saying where.
            _errors.Add(new ScenarioError(1, 1, ErrorCodes.ScenarioUnreadable, "not valid YAML: the file could not be read as YAML (check brackets, quotes and indentation)"));
            return null;
        }
        if (stream.Documents.Count != 1)
        {
            _errors.Add(new ScenarioError(1, 1, ErrorCodes.ScenarioUnreadable, $"a scenario file holds exactly one YAML document, not {stream.Documents.Count}"));
            return null;
        }
        var root = stream.Documents[0].RootNode;
        if (yaml.Map(root, "the scenario", TopFields) is not { } fields)
            return null;

        var id = yaml.Text(yaml.Required(fields, root, "exercise", "the scenario"), "exercise");
        if (id is not null && !ExerciseId().IsMatch(id))
            yaml.Error(fields["exercise"], ErrorCodes.ScenarioBadValue, $"exercise '{id}' is not an exercise id (letters, digits, '-', '_' or '.', at most 64)");
        var name = yaml.Text(yaml.Required(fields, root, "name", "the scenario"), "name");
        var description = yaml.Text(YamlFields.Optional(fields, "description"), "description") ?? "";
        var mode = Mode(yaml, YamlFields.Optional(fields, "mode"));
        var compression = yaml.Integer(yaml.Required(fields, root, "compression", "the scenario"), "compression", 1, 3600) ?? 60;
        var start = Start(yaml, YamlFields.Optional(fields, "start"));
        var endex = yaml.Offset(yaml.Required(fields, root, "endex", "the scenario"), "endex") ?? TimeSpan.Zero;
        var threat = yaml.Enum<IncidentType>(yaml.Required(fields, root, "threat", "the scenario"), "threat") ?? IncidentType.Other;

        var participants = new ParticipantsReader(yaml, registry).Read(yaml.Required(fields, root, "participants", "the scenario"));
        var activations = Activations(yaml, yaml.Required(fields, root, "activations", "the scenario"), participants);
        var context = new MselContext(registry, participants, activations, mode, id ?? "EX", start, endex);
        var mselReader = new MselReader(yaml, context);
        var msel = mselReader.Read(yaml.Required(fields, root, "msel", "the scenario"));
        var objectives = Objectives(yaml, YamlFields.Optional(fields, "objectives"), mselReader.ExpectationIds);
        if (_errors.Count > 0)
            return null;
        return new Scenario
        {
            Id = id!,
            Name = name!,
            Description = description,
            Source = source,
            Mode = mode,
            Compression = compression,
            SimulatedStart = start,
            Endex = endex,
            Threat = threat,
            Activations = activations,
            Participants = participants,
            Msel = msel,
            Objectives = objectives,
            Registry = registry,
        };
    }

    private static MessageMode Mode(YamlFields yaml, YamlNode? node)
    {
        var mode = yaml.Enum<MessageMode>(node, "mode") ?? MessageMode.Exercise;
        if (mode is MessageMode.Exercise or MessageMode.Drill)
            return mode;
        yaml.Error(node!, ErrorCodes.ScenarioRuleBroken, $"mode '{EnvelopeCodec.WireName(mode)}' is not training traffic: a scenario plays only exercise or drill (real-world traffic is never scripted)");
        return MessageMode.Exercise;
    }

    private static DateTimeOffset Start(YamlFields yaml, YamlNode? node)
    {
        var fallback = new DateTimeOffset(2026, 1, 1, 6, 0, 0, TimeSpan.Zero);
        if (yaml.Text(node, "start") is not { } text)
            return fallback;
        if (text.EndsWith('Z') && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start))
            return UtcMillisecondsConverter.Normalize(start);
        yaml.Error(node!, ErrorCodes.ScenarioBadValue, $"start '{text}' is not a UTC time such as 2026-11-26T05:40:00Z");
        return fallback;
    }

    private ImmutableArray<ScenarioActivation> Activations(YamlFields yaml, YamlNode? node, ImmutableArray<ScenarioParticipant> participants)
    {
        var result = ImmutableArray.CreateBuilder<ScenarioActivation>();
        var items = yaml.List(node, "activations");
        if (node is not null && items.Count == 0)
            yaml.Error(node, ErrorCodes.ScenarioMissingField, "activations must name at least one activation and its invoking member state");
        for (var i = 0; i < items.Count; i++)
        {
            var at = $"activations[{i}]";
            if (yaml.Map(items[i], at, "id", "invoker") is not { } fields)
                continue;
            var id = yaml.Text(yaml.Required(fields, items[i], "id", at), $"{at}.id");
            var invoker = yaml.Text(yaml.Required(fields, items[i], "invoker", at), $"{at}.invoker");
            if (id is not null && !ActivationId().IsMatch(id))
                yaml.Error(fields["id"], ErrorCodes.ScenarioBadValue, $"'{id}' in {at}.id is not an activation id (A42-YYYY-NNNN)");
            else if (id is not null && result.Any(a => a.Id == id))
                yaml.Error(fields["id"], ErrorCodes.ScenarioDuplicateId, $"activation '{id}' in {at}.id is listed twice");
            if (invoker is not null && !registry.Contains(invoker))
                yaml.UnknownParticipant(fields["invoker"], invoker, $"{at}.invoker", registry);
            else if (invoker is not null && registry.Find(invoker)?.Kind != ParticipantKind.MemberState)
                yaml.Error(fields["invoker"], ErrorCodes.ScenarioRuleBroken, $"'{invoker}' in {at}.invoker is not a member state; only a member state invokes");
            else if (invoker is not null && participants.All(p => p.Id != invoker))
                yaml.Error(fields["invoker"], ErrorCodes.ScenarioRuleBroken, $"'{invoker}' in {at}.invoker does not play: add it to participants.players");
            if (id is not null && invoker is not null)
                result.Add(new ScenarioActivation(id, invoker));
        }
        return result.ToImmutable();
    }

    /// <summary>Objectives; <paramref name="known"/> holds every expectation id written, even in an inject that had errors.</summary>
    private static ImmutableArray<Objective> Objectives(YamlFields yaml, YamlNode? node, IReadOnlySet<string> known)
    {
        var result = ImmutableArray.CreateBuilder<Objective>();
        var items = yaml.List(node, "objectives");
        for (var i = 0; i < items.Count; i++)
        {
            var at = $"objectives[{i}]";
            if (yaml.Map(items[i], at, "id", "title", "expectations") is not { } fields)
                continue;
            var id = yaml.Text(yaml.Required(fields, items[i], "id", at), $"{at}.id");
            var title = yaml.Text(yaml.Required(fields, items[i], "title", at), $"{at}.title");
            var expectations = yaml.Ids(yaml.Required(fields, items[i], "expectations", at), $"{at}.expectations");
            foreach (var (expectation, where) in expectations.Where(e => !known.Contains(e.Id)))
                yaml.Error(where, ErrorCodes.ScenarioUnknownReference, $"unknown expectation '{expectation}' in {at}.expectations", NearestNames.For(expectation, known));
            if (id is not null && result.Any(o => o.Id == id))
                yaml.Error(fields["id"], ErrorCodes.ScenarioDuplicateId, $"objective '{id}' in {at}.id is listed twice");
            if (id is not null && title is not null)
                result.Add(new Objective(id, title, [.. expectations.Select(e => e.Id)]));
        }
        return result.ToImmutable();
    }

    /// <summary>YamlDotNet prefixes its messages with the marks, which the error already carries.</summary>
    private static string Sentence(YamlException ex) => MarkPrefix().Replace(ex.Message, "").TrimEnd('.').ToLowerInvariant();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex MarkPrefix();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\\z")]
    private static partial Regex ExerciseId();

    [GeneratedRegex("^A42-[0-9]{4}-[0-9]{4}\\z")]
    private static partial Regex ActivationId();
}
