using System.Text.Json;

namespace Article42.Mesh.Exercises.Tests;

public sealed class ShippedScenarioTests
{
    public static TheoryData<string> Names => [.. ShippedScenarios.All.Select(s => s.Name)];

    [Fact]
    public void The_four_shipped_scenarios_are_listed_with_a_description()
    {
        Assert.Equal(["cross-border-incursion", "cyber-critical-infrastructure", "hybrid-island", "dual-invocation"], ShippedScenarios.All.Select(s => s.Name));
        Assert.All(ShippedScenarios.All, s => Assert.False(string.IsNullOrWhiteSpace(s.Description)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_shipped_scenario_loads_has_10_to_25_injects_and_plays_in_under_a_minute(string name)
    {
        var scenario = ShippedScenarios.Find(name)!.Load();
        Assert.InRange(scenario.Msel.Length, 10, 25);
        Assert.True(scenario.RealDuration <= TimeSpan.FromSeconds(60), $"{name} takes {scenario.RealDuration} real");
        Assert.True(scenario.Endex <= TimeSpan.FromHours(3));
        Assert.NotEmpty(scenario.Objectives);
        Assert.Contains(scenario.Msel, i => i.Kind == MessageKind.Invocation);
        Assert.Contains(scenario.Msel, i => i.Kind == MessageKind.Rfa);
        Assert.Contains(scenario.Msel, i => i.IsExcon && !i.Expectations.IsEmpty);
    }

    [Fact]
    public void The_dual_invocation_plays_two_activations_that_ask_for_the_same_capability()
    {
        var scenario = ShippedScenarios.Find("dual-invocation")!.Load();
        Assert.Equal(2, scenario.Activations.Length);
        var codes = scenario.Msel.Where(i => i.Kind == MessageKind.Rfa)
            .Select(i => ((RfaBody)i.Payload.ToBody(t => scenario.SimulatedStart + t)).Lines.Select(l => l.CategoryCode).ToHashSet()).ToList();
        Assert.Contains("MIL.AIR.GBAD", codes[0].Intersect(codes[1]));
    }

    [Theory]
    [InlineData("cross-border-incursion", GapKind.LineUncovered, "RFA-LT-01/L4")]
    [InlineData("cross-border-incursion", GapKind.ReceiptMissing, "HU")]
    [InlineData("cyber-critical-infrastructure", GapKind.DeadLetter, "M06")]
    [InlineData("cyber-critical-infrastructure", GapKind.ReceiptMissing, "BG")]
    [InlineData("cyber-critical-infrastructure", GapKind.CommunicationsGap, "EE")]
    [InlineData("hybrid-island", GapKind.CommunicationsGap, "MT")]
    [InlineData("hybrid-island", GapKind.LineUncovered, "RFA-CY-01/L4")]
    [InlineData("dual-invocation", GapKind.Refused, "COMMITMENT:OF-DE-02")]
    [InlineData("dual-invocation", GapKind.ReceiptMissing, "SK")]
    public void A_dry_run_of_a_shipped_scenario_shows_its_built_in_gaps(string name, GapKind kind, string subject)
    {
        var scenario = ShippedScenarios.Find(name)!.Load();
        var plan = SimulationPlan.Create(scenario, 42);
        var report = ExerciseReport.Create(scenario, plan, DryRun.Observe(plan, new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero)));
        Assert.Contains(report.Figures.Gaps, g => g.Kind == kind && g.Subject == subject);
    }

    [Theory]
    [InlineData("cross-border-incursion", GapKind.ReceiptMissing, "HU", "Hungary")]
    [InlineData("cyber-critical-infrastructure", GapKind.ReceiptMissing, "BG", "Bulgaria")]
    [InlineData("cyber-critical-infrastructure", GapKind.CommunicationsGap, "EE", "Estonia")]
    [InlineData("hybrid-island", GapKind.CommunicationsGap, "MT", "Malta")]
    [InlineData("dual-invocation", GapKind.ReceiptMissing, "SK", "Slovakia")]
    public void Reactive_players_on_a_mesh_that_takes_two_minutes_find_the_gaps_the_header_makes_likely(string name, GapKind kind, string subject, string country)
    {
        var scenario = ShippedScenarios.Find(name)!.Load();
        var engine = new ReactiveEngine(scenario, 42);
        var log = SimulatedMesh.Play(scenario, engine, TimeSpan.FromMinutes(2));
        var report = ExerciseReport.Create(scenario, 42, ExerciseEngine.Reactive, engine.Observe(log));
        Assert.Contains(report.Figures.Gaps, g => g.Kind == kind && g.Subject == subject);
        // The header names this gap among the likely ones: its participant, after "likely".
        var header = string.Join(' ', ShippedScenarios.Find(name)!.Yaml().Split('\n').TakeWhile(l => l.StartsWith('#')));
        var likely = header.IndexOf("likely", StringComparison.Ordinal);
        Assert.True(likely >= 0 && header.IndexOf(country, likely, StringComparison.Ordinal) > likely, $"{name}'s header does not name {country} among the likely gaps:\n{header}");
    }

    [Fact]
    public void Both_engines_find_EE_s_communications_gap_in_the_window_the_cyber_scenario_degrades_its_link()
    {
        // cyber-critical-infrastructure.yaml: EE degraded from T+00:20 to T+01:10, delay 00:04, loss 0.2.
        const string Window = "EE's link was degraded from T+00:20 to T+01:10 (delay 00:04, loss 20 %): ";
        var scenario = ShippedScenarios.Find("cyber-critical-infrastructure")!.Load();
        var plan = SimulationPlan.Create(scenario, 42);
        var planned = ExerciseReport.Create(scenario, plan, DryRun.Observe(plan, new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero)));
        var engine = new ReactiveEngine(scenario, 42);
        var log = SimulatedMesh.Play(scenario, engine, TimeSpan.FromMinutes(2));
        var reactive = ExerciseReport.Create(scenario, 42, ExerciseEngine.Reactive, engine.Observe(log));
        Assert.StartsWith(Window, Assert.Single(planned.Figures.Gaps, g => g.Kind == GapKind.CommunicationsGap && g.Subject == "EE").Text, StringComparison.Ordinal);
        Assert.StartsWith(Window, Assert.Single(reactive.Figures.Gaps, g => g.Kind == GapKind.CommunicationsGap && g.Subject == "EE").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_scenario_schema_is_a_json_schema_naming_every_top_level_field()
    {
        using var schema = JsonDocument.Parse(ShippedScenarios.Schema());
        var properties = schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["exercise", "name", "description", "mode", "compression", "start", "endex", "threat", "activations", "participants", "msel", "objectives"], properties);
    }
}
