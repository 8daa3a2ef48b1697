namespace Article42.Mesh.Exercises.Tests;

public sealed class SimulationPlanTests
{
    private static readonly Scenario Small = ScenarioLoader.Parse(TestScenarios.Small, "small.yaml");

    [Theory]
    [InlineData("cross-border-incursion")]
    [InlineData("dual-invocation")]
    public void The_same_seed_gives_the_same_plan_and_another_seed_another(string name)
    {
        var scenario = ShippedScenarios.Find(name)!.Load();
        var first = SimulationPlan.Create(scenario, 1234).Describe();
        var again = SimulationPlan.Create(ShippedScenarios.Find(name)!.Load(), 1234).Describe();
        var other = SimulationPlan.Create(scenario, 1235).Describe();
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Without_jitter_the_small_plan_follows_the_behaviours_to_the_second()
    {
        var plan = SimulationPlan.Create(Small, 7);
        // FLASH reaction 00:05 after the invocation at T+00:10; the acknowledgement a quarter of that later.
        Assert.Equal(TimeSpan.FromMinutes(15), plan.Find("RECEIPT:DE:M02")!.At);
        Assert.Equal(new TimeSpan(0, 16, 15), plan.Find("INVOCATION_ACK:PL:M02")!.At);
        // PL offers its two counter-drone teams an IMMEDIATE reaction after the RFA; LT decides 00:20 later; PL's government approves in 00:40.
        Assert.Equal(TimeSpan.FromMinutes(40), plan.Find("OFFER:OF-PL-01")!.At);
        Assert.Equal(TimeSpan.FromMinutes(60), plan.Find("DECISION:OF-PL-01")!.At);
        Assert.Equal(TimeSpan.FromMinutes(100), plan.Find("COMMITMENT:OF-PL-01")!.At);
        Assert.Contains("\"decision\":\"ACCEPT\"", plan.Find("DECISION:OF-PL-01")!.Payload.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_silent_participant_is_planned_to_stay_silent_and_never_sends()
    {
        var plan = SimulationPlan.Create(Small, 7);
        Assert.DoesNotContain(plan.Sends, a => a.Actor == "HU");
        Assert.Contains(plan.Actions, a => a.Actor == "HU" && a.Type == PlannedActionType.StaySilent && a.TriggerRef == "M02");
    }

    [Fact]
    public void Nobody_offers_a_capability_no_participant_has()
    {
        var plan = SimulationPlan.Create(Small, 7);
        Assert.Single(plan.Sends, a => a.Kind == MessageKind.Offer);
        Assert.DoesNotContain(plan.Sends, a => a.Kind == MessageKind.Offer && a.Payload.Json.Contains("\"L2\"", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ShippedScenarioTests.Names), MemberType = typeof(ShippedScenarioTests))]
    public void Every_planned_message_builds_an_envelope_the_protocol_accepts(string name)
    {
        var scenario = ShippedScenarios.Find(name)!.Load();
        var plan = SimulationPlan.Create(scenario, 5);
        var start = new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
        Assert.NotEmpty(plan.Sends);
        var ids = plan.Sends.Select((a, i) => (a.Ref, Id: Ulid.New(start.AddMilliseconds(i)))).ToDictionary(x => x.Ref, x => x.Id);
        foreach (var action in plan.Sends)
        {
            var created = start + action.At / scenario.Compression;
            var envelope = ExerciseEnvelope.Build(scenario, action, ids[action.Ref], created, t => start + t / scenario.Compression, reference => ids[reference]);
            Assert.True(EnvelopeValidator.Validate(envelope, scenario.Registry, created).IsEmpty, $"{action.Ref}: {string.Join("; ", EnvelopeValidator.Validate(envelope, scenario.Registry, created))}");
        }
    }
}
