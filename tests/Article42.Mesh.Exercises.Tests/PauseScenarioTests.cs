namespace Article42.Mesh.Exercises.Tests;

/// <summary>A PAUSEEX in the MSEL: EXCON's alone, with its real-time <c>resume_after</c>; RESUMEEX stays the runner's.</summary>
public sealed class PauseScenarioTests
{
    private const string Before = "objectives:\n";

    private static string With(string inject) => TestScenarios.Small.Replace(Before, inject + Before, StringComparison.Ordinal);

    /// <summary>EXCON's PAUSEEX P01 at T+00:20, pausing for <paramref name="resumeAfter"/>.</summary>
    private static string PauseAt20(string resumeAfter, string title) =>
        $"  - id: P01\n    at: T+00:20\n    from: EXCON\n    to: ALL\n    kind: PAUSEEX\n    resume_after: \"{resumeAfter}\"\n    title: {title}\n";

    private static ScenarioError Single(string yaml) =>
        Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(yaml, "small.yaml")).Errors);

    [Fact]
    public void A_PAUSEEX_from_EXCON_is_played_with_its_pause_and_a_body_the_protocol_accepts()
    {
        var scenario = ScenarioLoader.Parse(With(PauseAt20("00:00:20", "hot wash")), "small.yaml");
        var pause = Assert.Single(scenario.Msel, i => i.Id == "P01");
        Assert.Equal((MessageKind.Pauseex, TimeSpan.FromSeconds(20)), (pause.Kind, pause.ResumeAfter));
        var action = Assert.Single(SimulationPlan.Create(scenario, 7).Sends, a => a.Ref == "P01");
        Assert.Equal(TimeSpan.FromSeconds(20), action.ResumeAfter);
        var body = Assert.IsType<ExerciseControlBody>(pause.Payload.ToBody(offset => scenario.SimulatedStart + offset));
        Assert.Equal(("hot wash", scenario.SimulatedStart + TimeSpan.FromMinutes(20)), (body.Note, body.ExerciseTime));
    }

    [Theory]
    [InlineData("00:00:01", 1)]
    [InlineData("24:00:00", 86_400)]
    public void A_pause_at_either_edge_of_its_range_is_accepted(string resumeAfter, int seconds)
    {
        var scenario = ScenarioLoader.Parse(With(PauseAt20(resumeAfter, "edge")), "small.yaml");
        Assert.Equal(TimeSpan.FromSeconds(seconds), Assert.Single(scenario.Msel, i => i.Id == "P01").ResumeAfter);
    }

    [Theory]
    [InlineData("from: EXCON", "kind: PAUSEEX", "", "A42-SCN-003", "missing field 'resume_after'")]
    [InlineData("from: LT", "kind: PAUSEEX", "resume_after: \"00:00:20\"", "A42-SCN-009", "only EXCON sends PAUSEEX")]
    [InlineData("from: EXCON", "kind: RESUMEEX", "", "A42-SCN-009", "RESUMEEX is sent by the runner")]
    [InlineData("from: EXCON", "kind: PAUSEEX", "resume_after: \"00:00:00\"", "A42-SCN-004", "resume_after must be between")]
    [InlineData("from: EXCON", "kind: PAUSEEX", "resume_after: \"24:00:01\"", "A42-SCN-004", "resume_after must be between")]
    [InlineData("from: LT", "kind: SITREP", "resume_after: \"00:00:20\"", "A42-SCN-009", "'resume_after' in msel[4] is for EXCON's PAUSEEX")]
    public void A_pause_that_cannot_be_played_is_refused_with_its_code(string from, string kind, string resume, string code, string sentence)
    {
        var payload = kind == "kind: SITREP" ? "    payload: { sitrep_no: 1, period_from: T+00:00, period_to: T+00:20, situation: calm }\n" : "";
        var error = Single(With($"  - id: P01\n    at: T+00:20\n    {from}\n    to: ALL\n    {kind}\n    {resume}\n{payload}"));
        Assert.Equal(code, error.Code);
        Assert.Contains(sentence, error.Message, StringComparison.Ordinal);
    }
}
