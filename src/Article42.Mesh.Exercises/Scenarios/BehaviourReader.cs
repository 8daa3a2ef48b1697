using YamlDotNet.RepresentationModel;

namespace Article42.Mesh.Exercises;

/// <summary>Reads a behaviour block over a base behaviour: fields it leaves out keep the base's values.</summary>
internal sealed class BehaviourReader(YamlFields yaml)
{
    /// <summary>What a participant does when the scenario says nothing: answers everything, promptly.</summary>
    public static Behaviour BuiltIn { get; } = new()
    {
        Reaction = new Dictionary<Precedence, TimeSpan>
        {
            [Precedence.Flash] = TimeSpan.FromMinutes(5),
            [Precedence.Immediate] = TimeSpan.FromMinutes(15),
            [Precedence.Priority] = TimeSpan.FromMinutes(45),
            [Precedence.Routine] = TimeSpan.FromMinutes(90),
        }.ToImmutableDictionary(),
        Jitter = 0.25,
        Decision = TimeSpan.FromMinutes(15),
    };

    private static readonly string[] Fields =
        ["reaction", "jitter", "spread", "silence", "ignore", "online", "solidarity", "neutrality_caveat", "decision", "approval", "overcommit", "capabilities", "note", "duty", "outages", "staff", "degraded", "reminds", "reminded"];

    public Behaviour Read(YamlNode? node, string where, Behaviour basis)
    {
        if (yaml.Map(node, where, Fields) is not { } fields)
            return basis;
        var result = basis;
        if (YamlFields.Optional(fields, "reaction") is { } reaction)
            result = result with { Reaction = Reaction(reaction, $"{where}.reaction", basis.Reaction) };
        if (yaml.Fraction(YamlFields.Optional(fields, "jitter"), $"{where}.jitter", 0.9) is { } jitter)
            result = result with { Jitter = jitter };
        if (yaml.Fraction(YamlFields.Optional(fields, "silence"), $"{where}.silence") is { } silence)
            result = result with { Silence = silence };
        if (YamlFields.Optional(fields, "spread") is { } spread && Spread(spread, $"{where}.spread") is { } spreadValue)
            result = result with { Spread = spreadValue };
        if (YamlFields.Optional(fields, "ignore") is { } ignore)
            result = result with { Ignore = Ignore(ignore, $"{where}.ignore", basis.Ignore) };
        if (yaml.Flag(YamlFields.Optional(fields, "online"), $"{where}.online") is { } online)
            result = result with { Online = online };
        if (YamlFields.Optional(fields, "solidarity") is { } solidarity)
            result = result with { Solidarity = (solidarity as YamlScalarNode)?.Value == "none" ? null : yaml.Enum<SolidarityPosition>(solidarity, $"{where}.solidarity") };
        if (yaml.Flag(YamlFields.Optional(fields, "neutrality_caveat"), $"{where}.neutrality_caveat") is { } caveat)
            result = result with { NeutralityCaveat = caveat };
        if (yaml.Duration(YamlFields.Optional(fields, "decision"), $"{where}.decision") is { } decision)
            result = result with { Decision = decision };
        if (yaml.Flag(YamlFields.Optional(fields, "overcommit"), $"{where}.overcommit") is { } overcommit)
            result = result with { Overcommit = overcommit };
        if (YamlFields.Optional(fields, "approval") is { } approval)
            result = Approval(approval, $"{where}.approval", result);
        if (YamlFields.Optional(fields, "capabilities") is { } capabilities)
            result = result with { Capabilities = Capabilities(capabilities, $"{where}.capabilities") };
        if (YamlFields.Optional(fields, "duty") is { } duty)
            result = result with { Duty = Duty(duty, $"{where}.duty") ?? basis.Duty };
        if (YamlFields.Optional(fields, "outages") is { } outages)
            result = result with { Outages = Outages(outages, $"{where}.outages") };
        if (yaml.Integer(YamlFields.Optional(fields, "staff"), $"{where}.staff", 1, 1000) is { } staff)
            result = result with { Staff = staff };
        if (YamlFields.Optional(fields, "degraded") is { } degraded)
            result = result with { Degraded = new DegradedReader(yaml).Read(degraded, $"{where}.degraded", result.Outages) };
        else if (YamlFields.Optional(fields, "outages") is { } outagesNode && !result.Degraded.IsEmpty)
            new DegradedReader(yaml).RefuseOverlaps(result.Degraded, result.Outages, outagesNode, $"{where}.outages");
        if (yaml.Flag(YamlFields.Optional(fields, "reminds"), $"{where}.reminds") is { } reminds)
            result = result with { Reminds = reminds };
        if (yaml.Fraction(YamlFields.Optional(fields, "reminded"), $"{where}.reminded") is { } reminded)
            result = result with { Reminded = reminded };
        return result;
    }

    private ImmutableDictionary<Precedence, TimeSpan> Reaction(YamlNode node, string where, ImmutableDictionary<Precedence, TimeSpan> basis)
    {
        if (node is not YamlMappingNode mapping)
        {
            yaml.Error(node, ErrorCodes.ScenarioBadValue, $"{where} must map precedences to durations (e.g. FLASH: 00:05)");
            return basis;
        }
        var result = basis;
        foreach (var (key, value) in mapping.Children)
        {
            if (yaml.Enum<Precedence>(key, $"{where} key") is { } precedence && yaml.Duration(value, $"{where}.{precedence.ToString().ToUpperInvariant()}") is { } time)
                result = result.SetItem(precedence, time);
        }
        return result;
    }

    private ReactionSpread? Spread(YamlNode node, string where)
    {
        string[] names = ["uniform", "lognormal"];
        switch (yaml.Text(node, where))
        {
            case null:
                return null;
            case "uniform":
                return ReactionSpread.Uniform;
            case "lognormal":
                return ReactionSpread.LogNormal;
            case var text:
                yaml.Error(node, ErrorCodes.ScenarioUnknownName, $"{where} '{text}' is not one of {string.Join(", ", names)}", NearestNames.For(text, names));
                return null;
        }
    }

    private ImmutableDictionary<MessageKind, double> Ignore(YamlNode node, string where, ImmutableDictionary<MessageKind, double> basis)
    {
        if (node is not YamlMappingNode mapping)
        {
            yaml.Error(node, ErrorCodes.ScenarioBadValue, $"{where} must map message kinds to probabilities (e.g. SITREP: 0.6)");
            return basis;
        }
        var result = basis;
        foreach (var (key, value) in mapping.Children)
        {
            if (yaml.Enum<MessageKind>(key, $"{where} key") is { } kind && yaml.Fraction(value, $"{where}.{EnvelopeCodec.KindName(kind)}") is { } chance)
                result = result.SetItem(kind, chance);
        }
        return result;
    }

    private Behaviour Approval(YamlNode node, string where, Behaviour basis)
    {
        if (yaml.Map(node, where, "level", "delay") is not { } fields)
            return basis;
        var result = basis;
        if (yaml.Enum<NationalApproval>(YamlFields.Optional(fields, "level"), $"{where}.level") is { } level)
            result = result with { Approval = level };
        if (yaml.Duration(YamlFields.Optional(fields, "delay"), $"{where}.delay") is { } delay)
            result = result with { ApprovalDelay = delay };
        return result;
    }

    private ImmutableArray<Capability> Capabilities(YamlNode node, string where)
    {
        var result = ImmutableArray.CreateBuilder<Capability>();
        var items = yaml.List(node, where);
        for (var i = 0; i < items.Count; i++)
        {
            var at = $"{where}[{i}]";
            if (yaml.Map(items[i], at, "category_code", "quantity", "unit", "description") is not { } fields)
                continue;
            var code = yaml.Text(yaml.Required(fields, items[i], "category_code", at), $"{at}.category_code");
            var quantity = yaml.Integer(yaml.Required(fields, items[i], "quantity", at), $"{at}.quantity", 1, 100_000);
            var unit = yaml.Text(YamlFields.Optional(fields, "unit"), $"{at}.unit") ?? "unit";
            var description = yaml.Text(YamlFields.Optional(fields, "description"), $"{at}.description") ?? code ?? "";
            if (code is not null && !ResourceCategories.IsValid(code))
                yaml.Error(fields["category_code"], ErrorCodes.ScenarioBadValue, $"'{code}' in {at}.category_code is not a resource category code (e.g. MED.EMT2, CYB.CRRT)");
            else if (code is not null && quantity is { } q)
                result.Add(new Capability(code, q, unit, description));
        }
        return result.ToImmutable();
    }

    private DutyHours? Duty(YamlNode node, string where)
    {
        if (yaml.Map(node, where, "start", "end", "utc_offset") is not { } fields)
            return null;
        var start = yaml.Duration(yaml.Required(fields, node, "start", where), $"{where}.start");
        var end = yaml.Duration(yaml.Required(fields, node, "end", where), $"{where}.end");
        var offset = UtcOffset(YamlFields.Optional(fields, "utc_offset"), $"{where}.utc_offset");
        if (start is not { } from || end is not { } to)
            return null;
        if (from >= TimeSpan.FromDays(1) || to >= TimeSpan.FromDays(1) || from == to)
        {
            yaml.Error(node, ErrorCodes.ScenarioBadValue, $"{where} must run from one time of day to another (00:00 to 23:59), e.g. start: 08:00, end: 18:00");
            return null;
        }
        return new DutyHours(from, to, offset ?? TimeSpan.Zero);
    }

    /// <summary>A time zone as <c>+HH:MM</c> or <c>-HH:MM</c> from UTC (−12:00 to +14:00).</summary>
    private TimeSpan? UtcOffset(YamlNode? node, string where)
    {
        if (yaml.Text(node, where) is not { } text)
            return null;
        if (text.Length > 1 && text[0] is '+' or '-' && ScenarioTime.TryParseDuration(text[1..], out var length) && length <= TimeSpan.FromHours(text[0] == '+' ? 14 : 12))
            return text[0] == '-' ? -length : length;
        yaml.Error(node!, ErrorCodes.ScenarioBadValue, $"{where} '{text}' is not a UTC offset: write +HH:MM or -HH:MM (e.g. +02:00)");
        return null;
    }

    private ImmutableArray<TimeWindow> Outages(YamlNode node, string where)
    {
        var result = ImmutableArray.CreateBuilder<TimeWindow>();
        var items = yaml.List(node, where);
        for (var i = 0; i < items.Count; i++)
        {
            var at = $"{where}[{i}]";
            if (yaml.Map(items[i], at, "from", "to") is not { } fields)
                continue;
            var from = yaml.Offset(yaml.Required(fields, items[i], "from", at), $"{at}.from");
            var to = yaml.Offset(yaml.Required(fields, items[i], "to", at), $"{at}.to");
            if (from is { } start && to is { } end)
            {
                if (end <= start)
                    yaml.Error(items[i], ErrorCodes.ScenarioBadValue, $"{at} must end after it starts ({ScenarioTime.FormatOffset(start)} to {ScenarioTime.FormatOffset(end)})");
                else
                    result.Add(new TimeWindow(start, end));
            }
        }
        return result.ToImmutable();
    }
}
