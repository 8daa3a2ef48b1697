namespace Article42.Mesh.Exercises.Tests;

/// <summary>Issue 22, item 2: the reactive engine decides on arrivals, by the same rules as the planned engine, and a recorded log replays to the same decisions and figures.</summary>
public sealed class ReactiveEngineTests
{
    private static readonly Scenario Small = ScenarioLoader.Parse(TestScenarios.Small, "small.yaml");

    [Theory]
    [InlineData("small", 7)]
    [InlineData("cross-border-incursion", 42)]
    [InlineData("dual-invocation", 1234)]
    public void On_a_mesh_that_delivers_at_once_the_reactive_players_decide_exactly_what_the_plan_says(string name, int seed)
    {
        var scenario = name == "small" ? Small : ShippedScenarios.Find(name)!.Load();
        var engine = new ReactiveEngine(scenario, seed);
        SimulatedMesh.Play(scenario, engine, TimeSpan.Zero);
        Assert.Equal(SimulationPlan.Create(scenario, seed).Describe(), engine.Describe());
    }

    [Fact]
    public void A_slower_mesh_delays_every_reaction_by_the_time_the_message_took_to_arrive()
    {
        var engine = new ReactiveEngine(Small, 7);
        SimulatedMesh.Play(Small, engine, TimeSpan.FromMinutes(3));
        // The invocation at T+00:10 arrives at T+00:13; DE's FLASH reaction is 00:05: its receipt at T+00:18 (00:15 on a perfect mesh).
        Assert.Equal(TimeSpan.FromMinutes(18), engine.Find("RECEIPT:DE:M02")!.At);
        // The RFA at T+00:30 arrives at 00:33, PL offers 00:10 later; LT has the offer at 00:46 and decides 00:20 later.
        Assert.Equal(TimeSpan.FromMinutes(43), engine.Find("OFFER:OF-PL-01")!.At);
        Assert.Equal(TimeSpan.FromMinutes(66), engine.Find("DECISION:OF-PL-01")!.At);
    }

    [Fact]
    public void An_offer_the_mesh_refused_is_never_decided_and_never_committed()
    {
        var engine = new ReactiveEngine(Small, 7);
        SimulatedMesh.Play(Small, engine, TimeSpan.Zero,
            refuse: a => a.Kind == MessageKind.Offer ? new MeshError(ErrorCodes.InventoryExceeded, "$.payload", "refused for the test") : null);
        Assert.NotNull(engine.Find("OFFER:OF-PL-01"));
        Assert.Null(engine.Find("DECISION:OF-PL-01"));
        Assert.Null(engine.Find("COMMITMENT:OF-PL-01"));
        Assert.NotNull(engine.Find("RECEIPT:DE:M02"));
    }

    [Fact]
    public void An_RFI_that_never_reached_a_participant_is_never_answered_by_it()
    {
        var engine = new ReactiveEngine(Small, 7);
        SimulatedMesh.Play(Small, engine, TimeSpan.Zero, lose: (a, recipient) => a.Ref == "M04" && recipient == "DE");
        Assert.Null(engine.Find("RFI_RESPONSE:DE:M04"));
        var delivered = new ReactiveEngine(Small, 7);
        SimulatedMesh.Play(Small, delivered, TimeSpan.Zero);
        Assert.NotNull(delivered.Find("RFI_RESPONSE:DE:M04"));
    }

    [Fact]
    public void A_recorded_arrival_log_replayed_with_the_same_seed_gives_the_same_decisions_and_figures()
    {
        var scenario = ShippedScenarios.Find("cross-border-incursion")!.Load();
        var engine = new ReactiveEngine(scenario, 42);
        Func<PlannedAction, MeshError?> refuse = a => a.Ref == "OFFER:OF-PL-01" ? new MeshError(ErrorCodes.InventoryExceeded, "$.payload", "refused for the test") : null;
        Func<PlannedAction, string, bool> lose = (a, recipient) => recipient == "DE" && a.Kind == MessageKind.Rfi;
        var log = SimulatedMesh.Play(scenario, engine, TimeSpan.FromMinutes(2), refuse, lose);
        var replayed = ArrivalReplay.Play(scenario, ArrivalLog.FromJson(log.ToJson()));

        Assert.Equal(engine.Describe(), replayed.Describe());
        var figures = ReportJson.WriteFigures(ExerciseReport.Create(scenario, 42, ExerciseEngine.Reactive, engine.Observe(log)).Figures);
        Assert.Equal(figures, ReportJson.WriteFigures(ExerciseReport.Create(scenario, 42, ExerciseEngine.Reactive, replayed.Observe(log)).Figures));
        // The arrivals decide: the same seed on other arrival times decides otherwise.
        var other = new ReactiveEngine(scenario, 42);
        SimulatedMesh.Play(scenario, other, TimeSpan.FromMinutes(4), refuse, lose);
        Assert.NotEqual(engine.Describe(), other.Describe());
    }

    [Fact]
    public void The_report_marks_which_figures_depend_on_the_mesh_timing()
    {
        var engine = new ReactiveEngine(Small, 7);
        var log = SimulatedMesh.Play(Small, engine, TimeSpan.Zero);
        var reactive = ExerciseReport.Create(Small, 7, ExerciseEngine.Reactive, engine.Observe(log));
        var planned = ExerciseReport.Create(Small, SimulationPlan.Create(Small, 7), engine.Observe(log));

        Assert.True(reactive.Figures.DependsOnTiming("acknowledgements"));
        Assert.True(reactive.Figures.DependsOnTiming("exercise.messages_sent"));
        Assert.False(reactive.Figures.DependsOnTiming("exercise"));
        Assert.DoesNotContain(planned.Figures.TimingDependent, f => f.Value);
        using var json = System.Text.Json.JsonDocument.Parse(ReportJson.Write(reactive));
        Assert.True(json.RootElement.GetProperty("figures").GetProperty("timing_dependent").GetProperty("gaps").GetBoolean());
        Assert.Contains("## Gaps [timing-dependent]", ReportMarkdown.Write(reactive), StringComparison.Ordinal);
        Assert.Contains("<h2>Gaps [timing-dependent]</h2>", ReportHtml.Write(reactive), StringComparison.Ordinal);
        Assert.DoesNotContain("[timing-dependent]", ReportMarkdown.Write(planned), StringComparison.Ordinal);
    }
}
