namespace Article42.Mesh.Exercises.Tests;

/// <summary>Issue 22, item 3 (first part): per-kind response probabilities and log-normal reaction times, and their checks.</summary>
public sealed class BehaviourModelTests
{
    private static Scenario Small(string original, string replacement)
    {
        Assert.Contains(original, TestScenarios.Small, StringComparison.Ordinal);
        return ScenarioLoader.Parse(TestScenarios.Small.Replace(original, replacement, StringComparison.Ordinal), "small.yaml");
    }

    private static ScenarioError Refused(string original, string replacement)
    {
        Assert.Contains(original, TestScenarios.Small, StringComparison.Ordinal);
        var yaml = TestScenarios.Small.Replace(original, replacement, StringComparison.Ordinal);
        return Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(yaml, "small.yaml")).Errors);
    }

    [Fact]
    public void A_kind_s_own_ignore_chance_replaces_the_silence_for_that_kind_only()
    {
        // HU is silent but never ignores an invocation; DE answers everything but always ignores an RFI.
        var plan = SimulationPlan.Create(Small("HU: { silence: 1 }", "HU: { silence: 1, ignore: { INVOCATION: 0 } }\n    DE: { ignore: { RFI: 1 } }"), 7);

        Assert.NotNull(plan.Find("INVOCATION_ACK:HU:M02"));
        Assert.Contains(plan.Actions, a => a.Actor == "HU" && a.Type == PlannedActionType.StaySilent && a.TriggerRef == "M04");
        Assert.Null(plan.Find("RFI_RESPONSE:DE:M04"));
        Assert.Contains(plan.Actions, a => a.Actor == "DE" && a.Type == PlannedActionType.StaySilent && a.TriggerRef == "M04");
        Assert.NotNull(plan.Find("INVOCATION_ACK:DE:M02"));
    }

    private const string SitrepInject = """
          - id: M05
            at: T+00:50
            from: LT
            to: [DE, PL]
            kind: SITREP
            payload:
              sitrep_no: 1
              period_from: T+00:00
              period_to: T+00:50
              situation: Second drone wave over Alytus; power restored to 60 % of households.
        objectives:
        """;

    [Fact]
    public void By_default_a_sitrep_is_often_left_unanswered_and_an_invocation_almost_never_unless_the_scenario_says_otherwise()
    {
        var defaults = BehaviourReader.BuiltIn;
        Assert.Equal((0.4, 0.001, 0.005, 0.0), (defaults.IgnoreChance(MessageKind.Sitrep), defaults.IgnoreChance(MessageKind.Invocation),
            defaults.IgnoreChance(MessageKind.Commitment), defaults.IgnoreChance(MessageKind.Inject)));
        // Silence and the kind's default are independent chances: a silent state stays silent, half silent ignores 70 % of SITREPs.
        Assert.Equal((1.0, 1.0), ((defaults with { Silence = 1 }).IgnoreChance(MessageKind.Sitrep), (defaults with { Silence = 1 }).IgnoreChance(MessageKind.Invocation)));
        Assert.Equal(0.7, (defaults with { Silence = 0.5 }).IgnoreChance(MessageKind.Sitrep), 12);

        var withSitrep = TestScenarios.Small.Replace("objectives:\n", SitrepInject + "\n", StringComparison.Ordinal);
        var silences = Enumerable.Range(1, 100).Select(seed => SimulationPlan.Create(ScenarioLoader.Parse(withSitrep, "small.yaml"), seed))
            .SelectMany(plan => plan.Actions.Where(a => a.Type == PlannedActionType.StaySilent && a.Actor != "HU")).ToList();
        // 200 SITREP copies to DE and PL at 0.4 (expected 80); 200 invocation copies at 0.001 (expected 0.2).
        Assert.InRange(silences.Count(a => a.TriggerRef == "M05"), 55, 105);
        Assert.InRange(silences.Count(a => a.TriggerRef == "M02"), 0, 2);

        var neverIgnored = ScenarioLoader.Parse(withSitrep.Replace("decision: \"00:20\"\n", "decision: \"00:20\"\n    ignore: { SITREP: 0 }\n", StringComparison.Ordinal), "small.yaml");
        var answered = Enumerable.Range(1, 100).Select(seed => SimulationPlan.Create(neverIgnored, seed));
        Assert.DoesNotContain(answered.SelectMany(plan => plan.Actions), a => a.Type == PlannedActionType.StaySilent && a.TriggerRef == "M05");
    }

    [Fact]
    public void Log_normal_reaction_times_centre_on_the_typical_time_and_have_a_tail_no_uniform_spread_has()
    {
        var typical = TimeSpan.FromMinutes(10);
        var keys = Enumerable.Range(0, 2000).Select(i => $"M{i}").ToList();
        var logNormal = keys.Select(k => ReactionTime.Draw(42, typical, 0.5, ReactionSpread.LogNormal, "receipt", "DE", k)).Order().ToList();
        var uniform = keys.Select(k => ReactionTime.Draw(42, typical, 0.5, ReactionSpread.Uniform, "receipt", "DE", k)).ToList();

        Assert.InRange(logNormal[keys.Count / 2].TotalSeconds, 570, 630);
        // sigma 0.5: P(more than twice the typical time) = P(z > 1.386) ≈ 8 %; a uniform ± 50 % never passes 1.5 times.
        Assert.InRange(logNormal.Count(t => t > 2 * typical), 100, 220);
        Assert.DoesNotContain(uniform, t => t > 1.5 * typical);
        Assert.Equal(logNormal[17], keys.Select(k => ReactionTime.Draw(42, typical, 0.5, ReactionSpread.LogNormal, "receipt", "DE", k)).Order().ToList()[17]);
    }

    [Fact]
    public void The_scenario_chooses_the_spread_per_participant_and_the_default_stays_uniform()
    {
        var scenario = Small("HU: { silence: 1 }", "HU: { silence: 1 }\n    DE: { spread: lognormal, ignore: { SITREP: 0.6 } }");
        Assert.Equal(ReactionSpread.LogNormal, scenario.Participant("DE")!.Behaviour.Spread);
        Assert.Equal(0.6, scenario.Participant("DE")!.Behaviour.IgnoreChance(MessageKind.Sitrep));
        Assert.Equal(0.001, scenario.Participant("DE")!.Behaviour.IgnoreChance(MessageKind.Invocation));
        Assert.Equal(ReactionSpread.Uniform, scenario.Participant("PL")!.Behaviour.Spread);
    }

    [Fact]
    public void A_misspelt_kind_or_spread_and_a_probability_above_one_are_refused_with_their_codes()
    {
        var kind = Refused("HU: { silence: 1 }", "HU: { ignore: { SITERP: 0.5 } }");
        Assert.Equal(ErrorCodes.ScenarioUnknownName, kind.Code);
        Assert.Equal(["SITREP"], kind.Suggestions);

        var chance = Refused("HU: { silence: 1 }", "HU: { ignore: { SITREP: 2 } }");
        Assert.Equal(ErrorCodes.ScenarioBadValue, chance.Code);
        Assert.Contains("ignore.SITREP", chance.Message, StringComparison.Ordinal);

        var spread = Refused("HU: { silence: 1 }", "HU: { spread: lognormel }");
        Assert.Equal(ErrorCodes.ScenarioUnknownName, spread.Code);
        Assert.Equal(["lognormal"], spread.Suggestions);
    }

    [Fact]
    public void A_message_arriving_off_duty_waits_for_the_duty_start_in_the_participant_s_time_zone()
    {
        // STARTEX is 06:00 UTC, 07:00 in DE's +01:00: the invocation at T+00:10 finds the desk closed until 08:00 local (T+01:00).
        var plan = SimulationPlan.Create(Small("HU: { silence: 1 }", "HU: { silence: 1 }\n    DE: { duty: { start: \"08:00\", end: \"18:00\", utc_offset: \"+01:00\" } }"), 7);
        Assert.Equal(TimeSpan.FromMinutes(65), plan.Find("RECEIPT:DE:M02")!.At);
        Assert.Equal(TimeSpan.FromMinutes(15), plan.Find("RECEIPT:PL:M02")!.At);
        // The same desk at +02:00 is open (08:00 local at STARTEX).
        var open = SimulationPlan.Create(Small("HU: { silence: 1 }", "HU: { silence: 1 }\n    DE: { duty: { start: \"08:00\", end: \"18:00\", utc_offset: \"+02:00\" } }"), 7);
        Assert.Equal(TimeSpan.FromMinutes(15), open.Find("RECEIPT:DE:M02")!.At);
    }

    [Fact]
    public void During_an_outage_arrivals_wait_for_the_link_and_the_report_lists_a_communications_gap()
    {
        var scenario = Small("HU: { silence: 1 }", "HU: { silence: 1 }\n    DE: { outages: [ { from: T+00:05, to: T+00:50 } ] }");
        var plan = SimulationPlan.Create(scenario, 7);
        Assert.Equal(TimeSpan.FromMinutes(55), plan.Find("RECEIPT:DE:M02")!.At);
        var report = ExerciseReport.Create(scenario, plan, DryRun.Observe(plan, HandObservations.Startex));
        var gap = Assert.Single(report.Figures.Gaps, g => g.Kind == GapKind.CommunicationsGap);
        Assert.Equal(("DE", 300L), (gap.Subject, gap.DeadlineSeconds));
        Assert.Contains("M02 INVOCATION", gap.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(ExerciseReport.Create(Small("HU: { silence: 1 }", "HU: { silence: 1 }"), SimulationPlan.Create(Small("HU: { silence: 1 }", "HU: { silence: 1 }"), 7),
            DryRun.Observe(SimulationPlan.Create(Small("HU: { silence: 1 }", "HU: { silence: 1 }"), 7), HandObservations.Startex)).Figures.Gaps, g => g.Kind == GapKind.CommunicationsGap);
    }

    [Fact]
    public void A_desk_of_one_takes_up_the_next_message_only_when_the_last_is_handled()
    {
        // DE needs 00:30 for a FLASH: the invocation (T+00:10) keeps its one officer busy until T+00:40, past the RFA's arrival at T+00:30.
        const string slow = "DE: { reaction: { FLASH: \"00:30\" }";
        var many = SimulationPlan.Create(Small("HU: { silence: 1 }", $"HU: {{ silence: 1 }}\n    {slow} }}"), 7);
        var one = SimulationPlan.Create(Small("HU: { silence: 1 }", $"HU: {{ silence: 1 }}\n    {slow}, staff: 1 }}"), 7);
        Assert.Equal(many.Find("RECEIPT:DE:M02")!.At, one.Find("RECEIPT:DE:M02")!.At);
        Assert.Equal(many.Find("RECEIPT:DE:M03")!.At + TimeSpan.FromMinutes(10), one.Find("RECEIPT:DE:M03")!.At);
    }

    [Fact]
    public void A_bad_time_zone_an_outage_that_ends_before_it_starts_and_a_desk_of_nobody_are_refused()
    {
        var zone = Refused("HU: { silence: 1 }", "HU: { duty: { start: \"08:00\", end: \"18:00\", utc_offset: \"CET\" } }");
        Assert.Equal((ErrorCodes.ScenarioBadValue, true), (zone.Code, zone.Message.Contains("utc_offset", StringComparison.Ordinal)));
        var outage = Refused("HU: { silence: 1 }", "HU: { outages: [ { from: T+00:50, to: T+00:05 } ] }");
        Assert.Equal((ErrorCodes.ScenarioBadValue, true), (outage.Code, outage.Message.Contains("must end after it starts", StringComparison.Ordinal)));
        var staff = Refused("HU: { silence: 1 }", "HU: { staff: 0 }");
        Assert.Equal((ErrorCodes.ScenarioBadValue, true), (staff.Code, staff.Message.Contains("staff", StringComparison.Ordinal)));
    }
}
