namespace Article42.Mesh.Exercises.Tests;

public sealed class ScenarioErrorTests
{
    /// <summary>The small scenario with one text replaced, and the 1-based position where the replacement starts.</summary>
    private static (string Yaml, int Line, int Column) Broken(string original, string replacement)
    {
        var at = TestScenarios.Small.IndexOf(original, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{original}' is not in the small scenario");
        var yaml = string.Concat(TestScenarios.Small.AsSpan(0, at), replacement, TestScenarios.Small.AsSpan(at + original.Length));
        var before = yaml[..at];
        return (yaml, before.Count(c => c == '\n') + 1, at - before.LastIndexOf('\n'));
    }

    private static ScenarioError Single(string yaml)
    {
        var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(yaml, "small.yaml"));
        return Assert.Single(ex.Errors);
    }

    [Fact]
    public void The_small_scenario_is_valid()
    {
        var scenario = ScenarioLoader.Parse(TestScenarios.Small, "small.yaml");
        Assert.Equal(4, scenario.Msel.Length);
        Assert.Equal(["DE", "LT", "HU", "PL"], scenario.Participants.Select(p => p.Id));
        Assert.Equal(TimeSpan.FromMinutes(40), scenario.Participant("PL")!.Behaviour.ApprovalDelay);
    }

    [Fact]
    public void A_yaml_syntax_error_is_reported_at_its_line()
    {
        var (yaml, line, _) = Broken("mode: exercise", "mode: \"exercise");
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(yaml, "small.yaml")).Errors[0];
        Assert.InRange(error.Line, line, line + 1);
        Assert.StartsWith("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_is_named_where_it_stands()
    {
        var (yaml, line, column) = Broken("    title: LT invokes", "    colour: red\n    title: LT invokes");
        var error = Single(yaml);
        Assert.Equal((line, column + 4), (error.Line, error.Column));
        Assert.StartsWith("unknown field 'colour' in msel[1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_participant_in_an_inject_is_refused_with_file_line_and_column()
    {
        var (yaml, line, column) = Broken("to: [DE, HU]", "to: [DE, XX]");
        var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(yaml, "small.yaml"));
        var error = Assert.Single(ex.Errors);
        Assert.Equal("unknown participant 'XX' in msel[3].to", error.Message);
        Assert.Equal((line, column + 9), (error.Line, error.Column));
        Assert.Equal($"small.yaml:{line}:{column + 9}: unknown participant 'XX' in msel[3].to", ex.Message);
    }

    [Fact]
    public void An_unknown_kind_is_refused_with_the_known_ones()
    {
        var (yaml, line, column) = Broken("kind: RFI", "kind: RFQ");
        var error = Single(yaml);
        Assert.Equal((line, column + 6), (error.Line, error.Column));
        Assert.StartsWith("msel[3].kind 'RFQ' is not one of INVOCATION, INVOCATION_ACK", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_offset_says_how_to_write_one()
    {
        var (yaml, line, column) = Broken("at: T+00:40", "at: 40min");
        var error = Single(yaml);
        Assert.Equal((line, column + 4), (error.Line, error.Column));
        Assert.Equal("msel[3].at '40min' is not a scenario time: write T+HH:MM or T+HH:MM:SS (e.g. T+00:10)", error.Message);
    }

    [Fact]
    public void An_inject_after_endex_is_refused()
    {
        var (yaml, line, column) = Broken("at: T+00:40", "at: T+02:40");
        var error = Single(yaml);
        Assert.Equal((line, column + 4), (error.Line, error.Column));
        Assert.Equal("msel[3].at T+02:40 is after ENDEX T+02:00", error.Message);
    }

    [Fact]
    public void A_payload_that_does_not_match_its_kind_is_refused_at_the_field()
    {
        var (yaml, line, column) = Broken("quantity: 2, unit: team }", "quantity: two, unit: team }");
        var error = Single(yaml);
        Assert.Equal((line, column + 10), (error.Line, error.Column));
        Assert.Equal("expected a whole number (32-bit) in msel[2].payload.lines[0].quantity", error.Message);
    }

    [Fact]
    public void A_payload_field_of_another_kind_is_refused_as_unknown()
    {
        var (yaml, line, column) = Broken("question: Do you", "rfa_id: RFA-9\n      question: Do you");
        var error = Single(yaml);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Equal("unknown field 'rfa_id' in msel[3].payload.rfa_id", error.Message);
    }

    [Fact]
    public void A_payload_that_breaks_a_body_rule_is_refused_with_the_protocol_sentence()
    {
        var (yaml, line, column) = Broken("category_code: MED.EMT2", "category_code: MEDICAL");
        var error = Single(yaml);
        Assert.Equal((line, column + 15), (error.Line, error.Column));
        Assert.Equal("'MEDICAL' is not a resource category code (e.g. MED.EMT2, CYB.CRRT) in msel[2].payload.lines[1].category_code", error.Message);
    }

    [Fact]
    public void Only_excon_sends_injects()
    {
        var (yaml, line, column) = Broken("from: LT\n    to: [DE, HU]\n    kind: RFI", "from: LT\n    to: [DE, HU]\n    kind: INJECT");
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(yaml, "small.yaml")).Errors[0];
        Assert.Equal((line + 2, column + 6), (error.Line, error.Column));
        Assert.Equal("only EXCON sends INJECT; msel[3] comes from LT", error.Message);
    }

    [Fact]
    public void Real_world_traffic_is_never_scripted()
    {
        var (yaml, line, column) = Broken("kind: RFI", "kind: REAL_WORLD");
        var error = Single(yaml);
        Assert.Equal((line, column + 6), (error.Line, error.Column));
        Assert.Equal("REAL_WORLD (NO DUFF) is real-world traffic and is never scripted in an exercise", error.Message);
        var (modeYaml, modeLine, modeColumn) = Broken("mode: exercise", "mode: operation");
        var mode = Single(modeYaml);
        Assert.Equal((modeLine, modeColumn + 6), (mode.Line, mode.Column));
        Assert.StartsWith("mode 'operation' is not training traffic", mode.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sender_that_does_not_play_is_refused()
    {
        var (yaml, line, column) = Broken("from: LT\n    to: [DE, HU]", "from: FR\n    to: [DE, HU]");
        var error = Single(yaml);
        Assert.Equal((line, column + 6), (error.Line, error.Column));
        Assert.Equal("'FR' in msel[3].from does not play in this scenario: add it to participants.players or send from EXCON", error.Message);
    }

    [Fact]
    public void An_objective_naming_an_unknown_expectation_is_refused()
    {
        var (yaml, line, column) = Broken("expectations: [M02.a]", "expectations: [M02.z]");
        var error = Single(yaml);
        Assert.Equal((line, column + 15), (error.Line, error.Column));
        Assert.Equal("unknown expectation 'M02.z' in objectives[0].expectations", error.Message);
    }

    [Fact]
    public void A_reminder_chance_above_one_and_a_reminds_that_is_not_a_flag_are_refused_where_they_stand()
    {
        var (yaml, line, column) = Broken("HU: { silence: 1 }", "HU: { silence: 1, reminded: 1.5 }");
        var chance = Single(yaml);
        Assert.Equal((ErrorCodes.ScenarioBadValue, line, column + "HU: { silence: 1, reminded: ".Length), (chance.Code, chance.Line, chance.Column));
        Assert.Equal("participants.behaviours.HU.reminded must be a number from 0 to 1, not '1.5'", chance.Message);

        (yaml, line, column) = Broken("HU: { silence: 1 }", "HU: { reminds: sometimes }");
        var flag = Single(yaml);
        Assert.Equal((ErrorCodes.ScenarioBadValue, line, column + "HU: { reminds: ".Length), (flag.Code, flag.Line, flag.Column));
        Assert.Equal("participants.behaviours.HU.reminds must be true or false, not 'sometimes'", flag.Message);

        var defaults = ScenarioLoader.Parse(TestScenarios.Small, "small.yaml").Participant("HU")!.Behaviour;
        Assert.Equal((true, 0.7), (defaults.Reminds, defaults.Reminded));
        var set = ScenarioLoader.Parse(Broken("HU: { silence: 1 }", "HU: { reminds: false, reminded: 0.25 }").Yaml, "small.yaml").Participant("HU")!.Behaviour;
        Assert.Equal((false, 0.25), (set.Reminds, set.Reminded));
    }

    [Fact]
    public void Every_error_is_reported_at_once_in_file_order()
    {
        var yaml = Broken("to: [DE, HU]", "to: [DE, XX]").Yaml.Replace("kind: RFA", "kind: RFQ", StringComparison.Ordinal);
        var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(yaml, "small.yaml"));
        Assert.Equal(2, ex.Errors.Length);
        Assert.True(ex.Errors[0].Line < ex.Errors[1].Line);
    }
}
