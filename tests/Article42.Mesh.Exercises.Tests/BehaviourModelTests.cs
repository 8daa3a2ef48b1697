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
        Assert.Equal(0, scenario.Participant("DE")!.Behaviour.IgnoreChance(MessageKind.Invocation));
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
}
