namespace Article42.Mesh.Exercises.Tests;

/// <summary>Issue 22, item 3: degraded links per participant in time windows, their effect on both engines and the communications finding.</summary>
public sealed class DegradedLinkTests
{
    private const string Hu = "HU: { silence: 1 }";
    private static readonly Scenario Clear = ScenarioLoader.Parse(TestScenarios.Small, "small.yaml");

    private static string Yaml(string replacement)
    {
        Assert.Contains(Hu, TestScenarios.Small, StringComparison.Ordinal);
        return TestScenarios.Small.Replace(Hu, replacement, StringComparison.Ordinal);
    }

    /// <summary>DE's link slow from T+00:05 to T+00:35: the invocation (T+00:10) and the RFA (T+00:30) reach it inside, the RFI (T+00:40) after.</summary>
    private static Scenario DegradedDe(string delay, double loss = 0) => ScenarioLoader.Parse(Yaml(
        $"{Hu}\n    DE: {{ degraded: [ {{ from: T+00:05, to: T+00:35, delay: \"{delay}\", loss: {loss.ToString(System.Globalization.CultureInfo.InvariantCulture)} }} ] }}"), "small.yaml");

    /// <summary>The one problem of the small scenario with <see cref="Hu"/> replaced, and the 1-based line and column of <paramref name="marker"/> in it.</summary>
    private static (ScenarioError Error, int Line, int Column) Refused(string replacement, string marker) => Refused(TestScenarios.Small, replacement, marker);

    /// <summary>The same, with <see cref="Hu"/> replaced in <paramref name="scenario"/> (a variant of the small scenario).</summary>
    private static (ScenarioError Error, int Line, int Column) Refused(string scenario, string replacement, string marker)
    {
        Assert.Contains(Hu, scenario, StringComparison.Ordinal);
        var yaml = scenario.Replace(Hu, replacement, StringComparison.Ordinal);
        var error = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(yaml, "small.yaml")).Errors);
        var at = yaml.IndexOf(marker, yaml.IndexOf(replacement, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{marker}' is not in the replacement");
        var before = yaml[..at];
        return (error, before.Count(c => c == '\n') + 1, at - before.LastIndexOf('\n'));
    }

    private static void AssertRefused((ScenarioError Error, int Line, int Column) refusal, string code, string sentence)
    {
        Assert.Equal((code, refusal.Line, refusal.Column), (refusal.Error.Code, refusal.Error.Line, refusal.Error.Column));
        Assert.Contains(sentence, refusal.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_degraded_window_is_read_per_participant_with_its_delay_and_loss_and_the_default_has_none()
    {
        var scenario = DegradedDe("00:02", 0.2);
        Assert.Equal([new DegradedWindow(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(35), TimeSpan.FromMinutes(2), 0.2)], scenario.Participant("DE")!.Behaviour.Degraded);
        Assert.Empty(scenario.Participant("PL")!.Behaviour.Degraded);
        Assert.Equal(TimeSpan.FromSeconds(270), scenario.Participant("DE")!.Behaviour.Degraded[0].Cost(lost: true));
    }

    [Fact]
    public void A_window_a_link_cannot_have_is_refused_at_its_line_and_column_with_its_code()
    {
        AssertRefused(Refused("HU: { degraded: [ { from: T+00:50, to: T+00:05, delay: \"00:02\" } ] }", "{ from"),
            ErrorCodes.ScenarioBadValue, "participants.behaviours.HU.degraded[0] must end after it starts (T+00:50 to T+00:05)");
        AssertRefused(Refused("HU: { degraded: [ { from: T+00:05, to: T+00:50, delay: \"00:02\", loss: 0.95 } ] }", "0.95"),
            ErrorCodes.ScenarioBadValue, "participants.behaviours.HU.degraded[0].loss must be a number from 0 to 0.9, not '0.95'");
        AssertRefused(Refused("HU: { degraded: [ { from: T+00:05, to: T+00:50, loss: 0.1 } ] }", "{ from"),
            ErrorCodes.ScenarioMissingField, "missing field 'delay' in participants.behaviours.HU.degraded[0]");
        AssertRefused(Refused("HU: { degraded: [ { from: T+00:05, to: T+00:50, delay: \"00:00\" } ] }", "\"00:00\""),
            ErrorCodes.ScenarioBadValue, "participants.behaviours.HU.degraded[0].delay must be longer than 00:00:00");
        AssertRefused(Refused("HU: { degraded: [ { from: T+00:05, to: T+00:50, delay: \"00:02\" }, { from: T+00:40, to: T+01:00, delay: \"00:01\" } ] }", "{ from: T+00:40"),
            ErrorCodes.ScenarioBadValue, "participants.behaviours.HU.degraded[1] (T+00:40 to T+01:00) overlaps participants.behaviours.HU.degraded[0] (T+00:05 to T+00:50)");
        AssertRefused(Refused("HU: { outages: [ { from: T+00:20, to: T+00:30 } ], degraded: [ { from: T+00:05, to: T+00:50, delay: \"00:02\" } ] }", "{ from: T+00:05"),
            ErrorCodes.ScenarioBadValue, "participants.behaviours.HU.degraded[0] (T+00:05 to T+00:50) overlaps an outage (T+00:20 to T+00:30)");
    }

    [Fact]
    public void An_outage_under_the_default_s_degraded_window_and_a_misspelt_field_are_refused_with_their_codes()
    {
        var yaml = TestScenarios.Small.Replace("    decision: \"00:20\"\n", "    decision: \"00:20\"\n    degraded: [ { from: T+00:05, to: T+00:50, delay: \"00:02\" } ]\n", StringComparison.Ordinal);
        Assert.NotEqual(TestScenarios.Small, yaml);
        Assert.Equal(TimeSpan.FromMinutes(2), ScenarioLoader.Parse(yaml, "small.yaml").Participant("PL")!.Behaviour.Degraded[0].Delay);
        // Refused at HU's outages (the list's opening bracket): the window it overlaps is the default's, written nowhere under HU.
        const string Overlap = "participants.behaviours.HU.outages (T+00:40 to T+01:00) overlaps the degraded window T+00:05 to T+00:50: a link is down or degraded, with one delay at a time";
        var outage = Refused(yaml, "HU: { outages: [ { from: T+00:40, to: T+01:00 } ] }", "[ { from: T+00:40");
        AssertRefused(outage, ErrorCodes.ScenarioBadValue, Overlap);
        Assert.Equal(Overlap, outage.Error.Message);

        var field = Refused("HU: { degradd: [] }", "degradd");
        AssertRefused(field, ErrorCodes.ScenarioUnknownField, "unknown field 'degradd' in participants.behaviours.HU");
        Assert.Equal(["degraded"], field.Error.Suggestions);
        var delay = Refused("HU: { degraded: [ { from: T+00:05, to: T+00:50, delay: \"00:02\", dealy: \"00:01\" } ] }", "dealy");
        AssertRefused(delay, ErrorCodes.ScenarioUnknownField, "unknown field 'dealy' in participants.behaviours.HU.degraded[0]");
        Assert.Equal(["delay"], delay.Error.Suggestions);
    }

    [Fact]
    public void A_degraded_link_delays_what_the_participant_learns_and_sends_by_its_delay_only_inside_the_window()
    {
        var clear = new ReactiveEngine(Clear, 7);
        SimulatedMesh.Play(Clear, clear, TimeSpan.Zero);
        var scenario = DegradedDe("00:02");
        var slow = new ReactiveEngine(scenario, 7);
        SimulatedMesh.Play(scenario, slow, TimeSpan.Zero);

        // The invocation reaches DE at T+00:10 and is learnt at 00:12; its FLASH receipt, decided for 00:17, crosses out too: 00:19.
        Assert.Equal((TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(19)), (clear.Find("RECEIPT:DE:M02")!.At, slow.Find("RECEIPT:DE:M02")!.At));
        Assert.Equal(TimeSpan.FromMinutes(2), slow.Find("RECEIPT:DE:M02")!.LinkDelay);
        // The RFA reaches DE at T+00:30, inside: learnt 2 minutes later; its answers leave after T+00:35, outside, on time.
        Assert.Equal(clear.Find("RECEIPT:DE:M03")!.At + TimeSpan.FromMinutes(2), slow.Find("RECEIPT:DE:M03")!.At);
        Assert.Equal(TimeSpan.Zero, slow.Find("RECEIPT:DE:M03")!.LinkDelay);
        // The RFI reaches DE at T+00:40, after the window: nothing changes; nor for PL, whose link is clear.
        Assert.Equal(clear.Find("RFI_RESPONSE:DE:M04")!.At, slow.Find("RFI_RESPONSE:DE:M04")!.At);
        Assert.Equal(clear.Decisions.Where(a => a.Actor == "PL").Select(a => (a.Ref, a.At)), slow.Decisions.Where(a => a.Actor == "PL").Select(a => (a.Ref, a.At)));
        // Both engines apply it: on a mesh that delivers at once the reactive players decide what the plan says.
        Assert.Equal(SimulationPlan.Create(scenario, 7).Describe(), slow.Describe());
    }

    [Fact]
    public void A_lost_crossing_is_resent_a_wait_and_a_delay_later_as_drawn_from_the_seed()
    {
        var scenario = DegradedDe("00:02", 0.5);
        var (lost, kept) = (0, 0);
        foreach (var seed in Enumerable.Range(1, 40))
        {
            var engine = new ReactiveEngine(scenario, seed);
            SimulatedMesh.Play(scenario, engine, TimeSpan.Zero);
            if (engine.Find("RECEIPT:DE:M02") is not { } receipt)
                continue;
            var lostIn = DeterministicRandom.Unit(seed, "link", "DE", "M02") < 0.5;
            var lostOut = DeterministicRandom.Unit(seed, "link", "DE", "RECEIPT:DE:M02") < 0.5;
            var crossing = (bool wasLost) => wasLost ? TimeSpan.FromSeconds(270) : TimeSpan.FromMinutes(2);
            Assert.Equal(TimeSpan.FromMinutes(15) + crossing(lostIn) + crossing(lostOut), receipt.At);
            Assert.Equal(crossing(lostOut), receipt.LinkDelay);
            (lost, kept) = (lost + (lostIn ? 1 : 0) + (lostOut ? 1 : 0), kept + (lostIn ? 0 : 1) + (lostOut ? 0 : 1));
        }
        // 80 crossings at 0.5: both outcomes, about half each.
        Assert.InRange(lost, 25, 55);
        Assert.InRange(kept, 25, 55);
    }

    [Fact]
    public void A_degraded_link_turns_an_on_time_receipt_late_and_the_report_has_the_communications_gap_and_the_slo_gap_and_a_replay_gives_the_same()
    {
        var clear = Report(Clear, out _, out _);
        Assert.DoesNotContain(clear.Figures.Gaps, g => g.Kind is GapKind.CommunicationsGap or GapKind.ReceiptLate && g.Subject == "DE");
        Assert.Empty(clear.Figures.DegradedLinks);

        // 3 minutes in and 3 out: the FLASH invocation's receipt takes 00:11 against its SLO of 00:10.
        var scenario = DegradedDe("00:03");
        var slow = Report(scenario, out var engine, out var log);
        var late = Assert.Single(slow.Figures.Gaps, g => g.Kind == GapKind.ReceiptLate && g.Subject == "DE");
        Assert.Contains("M02 INVOCATION (FLASH, due T+00:20, took 00:11)", late.Text, StringComparison.Ordinal);
        var gap = Assert.Single(slow.Figures.Gaps, g => g.Kind == GapKind.CommunicationsGap);
        Assert.Equal(("DE", 300L), (gap.Subject, gap.DeadlineSeconds));
        Assert.StartsWith("DE's link was degraded from T+00:05 to T+00:35 (delay 00:03, loss 0 %): ", gap.Text, StringComparison.Ordinal);
        Assert.EndsWith(", 0 lost and resent, 1 receipts late (RECEIPT:DE:M02)", gap.Text, StringComparison.Ordinal);
        var link = Assert.Single(slow.Figures.DegradedLinks);
        Assert.Equal(("DE", 300L, 2100L, 180L), (link.Participant, link.From, link.To, link.DelaySeconds));
        Assert.Contains("M02", link.Crossed);
        Assert.Contains("M03", link.Crossed);
        Assert.Contains("RECEIPT:DE:M02", link.Crossed);
        Assert.DoesNotContain("M04", link.Crossed);
        Assert.True(slow.Figures.Escalations > clear.Figures.Escalations);
        Assert.True(slow.Figures.DependsOnTiming("degraded_links"));

        var replayed = ArrivalReplay.Play(scenario, ArrivalLog.FromJson(log.ToJson()));
        Assert.Equal(engine.Describe(), replayed.Describe());
        Assert.Equal(ReportJson.WriteFigures(slow.Figures),
            ReportJson.WriteFigures(ExerciseReport.Create(scenario, 7, ExerciseEngine.Reactive, replayed.Observe(log)).Figures));
        Assert.Contains("\"degraded_links\"", ReportJson.WriteFigures(slow.Figures), StringComparison.Ordinal);
    }

    [Fact]
    public void The_planned_engine_finds_the_same_link_and_lists_the_crossings_it_lost()
    {
        var scenario = DegradedDe("00:02", 0.9);
        var plan = SimulationPlan.Create(scenario, 7);
        var link = Assert.Single(ExerciseReport.Create(scenario, plan, DryRun.Observe(plan, HandObservations.Startex)).Figures.DegradedLinks);
        // The scenario's window: DE, T+00:05 to T+00:35, 2 minutes; the invocation (T+00:10) crossed it, the RFI (T+00:40) came after.
        Assert.Equal(("DE", 300L, 2100L, 120L), (link.Participant, link.From, link.To, link.DelaySeconds));
        Assert.Contains("M02", link.Crossed);
        Assert.DoesNotContain("M04", link.Crossed);
        Assert.NotEmpty(link.Lost);
        Assert.Equal(link.Crossed.Where(r => DeterministicRandom.Unit(7, "link", "DE", r) < 0.9), link.Lost);
        var lostOut = plan.Actions.Where(a => a.Actor == "DE" && link.Lost.Contains(a.Ref)).ToList();
        Assert.NotEmpty(lostOut);
        Assert.All(lostOut, a => Assert.Equal(TimeSpan.FromSeconds(270), a.LinkDelay));
    }

    private static ExerciseReport Report(Scenario scenario, out ReactiveEngine engine, out ArrivalLog log)
    {
        engine = new ReactiveEngine(scenario, 7);
        log = SimulatedMesh.Play(scenario, engine, TimeSpan.Zero);
        return ExerciseReport.Create(scenario, 7, ExerciseEngine.Reactive, engine.Observe(log));
    }
}
