using Article42.Mesh.TestKit;

namespace Article42.Mesh.Exercises.Tests;

/// <summary>
/// Issue 22, item 4: the simulated gateways answer a rate refusal as real gateways do. On a silo that lets a sender
/// submit once at a time and twice a second, NL's six reports of one MSEL minute are a burst the mesh turns away
/// (A42-SUB-005, nothing stored); each gateway waits and sends again, so every report is accepted and the arrival log
/// shows no rate refusal, where sending once would have recorded five refusals the players never made.
/// </summary>
public sealed class RateRetryRunTests
{
    /// <summary>Compression 30: the six PRIORITY reports are due together at T+00:01 (2 s real); ENDEX at 10 s real.</summary>
    private const string Scenario = """
        exercise: EX-BURST
        name: A burst of reports over a tight sender rate
        mode: exercise
        compression: 30
        start: 2026-11-26T06:00:00Z
        endex: T+00:05
        threat: hybrid
        activations:
          - id: A42-2026-0903
            invoker: NL
        participants:
          players: [NL, BE]
          default:
            reaction: { FLASH: "00:01", IMMEDIATE: "00:02", PRIORITY: "00:02", ROUTINE: "00:02" }
            jitter: 0
        msel:
          - id: M01
            at: T+00:01
            from: NL
            to: BE
            kind: INCIDENT_REPORT
            precedence: PRIORITY
            payload:
              event_time: T-00:05
              location: Port of Antwerp, berth 1
              incident_type: cyber
              effects: Terminal control systems down.
              immediate_needs: [CYB.IR]
          - id: M02
            at: T+00:01
            from: NL
            to: BE
            kind: INCIDENT_REPORT
            precedence: PRIORITY
            payload:
              event_time: T-00:05
              location: Port of Antwerp, berth 2
              incident_type: cyber
              effects: Terminal control systems down.
              immediate_needs: [CYB.IR]
          - id: M03
            at: T+00:01
            from: NL
            to: BE
            kind: INCIDENT_REPORT
            precedence: PRIORITY
            payload:
              event_time: T-00:05
              location: Port of Antwerp, berth 3
              incident_type: cyber
              effects: Terminal control systems down.
              immediate_needs: [CYB.IR]
          - id: M04
            at: T+00:01
            from: NL
            to: BE
            kind: INCIDENT_REPORT
            precedence: PRIORITY
            payload:
              event_time: T-00:05
              location: Port of Antwerp, berth 4
              incident_type: cyber
              effects: Terminal control systems down.
              immediate_needs: [CYB.IR]
          - id: M05
            at: T+00:01
            from: NL
            to: BE
            kind: INCIDENT_REPORT
            precedence: PRIORITY
            payload:
              event_time: T-00:05
              location: Port of Antwerp, berth 5
              incident_type: cyber
              effects: Terminal control systems down.
              immediate_needs: [CYB.IR]
          - id: M06
            at: T+00:01
            from: NL
            to: BE
            kind: INCIDENT_REPORT
            precedence: PRIORITY
            payload:
              event_time: T-00:05
              location: Port of Antwerp, berth 6
              incident_type: cyber
              effects: Terminal control systems down.
              immediate_needs: [CYB.IR]
        """;

    [Fact]
    public async Task A_burst_over_the_sender_rate_is_retried_by_the_gateways_and_all_of_it_is_accepted()
    {
        var (reports, log) = await RunOverRateAsync(ratePerSecond: "2");

        Assert.Equal(6, reports.Count);
        Assert.All(reports, r => Assert.True(r.Refusal is null, $"{r.Ref} refused: {r.Refusal}"));
        Assert.DoesNotContain(log.Facts, f => f.Refusal?.Code == ErrorCodes.SenderRateExceeded);
    }

    /// <summary>
    /// The resending is bounded: on a rate that gives NL one report and no more for the whole run (0.001/s, the range's
    /// minimum, burst 1), M01 is accepted and each later report is sent five times over about 3 s, then recorded as the
    /// refusal it met. It also shows the silo's settings bite: a silo on its default rate would accept all six.
    /// </summary>
    [Fact]
    public async Task A_burst_over_a_rate_that_does_not_recover_is_resent_a_bounded_number_of_times_then_recorded_refused()
    {
        var (reports, _) = await RunOverRateAsync(ratePerSecond: "0.001");

        (string Ref, string? Code)[] expected = [("M01", null), .. new[] { "M02", "M03", "M04", "M05", "M06" }.Select(r => (r, (string?)ErrorCodes.SenderRateExceeded))];
        Assert.Equal(expected, reports.Select(r => (r.Ref, r.Refusal?.Code)));
    }

    /// <summary>The scenario on an in-process silo whose sender rate is <paramref name="ratePerSecond"/> (burst 1): NL's MSEL submits, in order, and the log.</summary>
    private static async Task<(List<MeshFact> Reports, ArrivalLog Log)> RunOverRateAsync(string ratePerSecond)
    {
        await using var mesh = await InProcessMesh.StartAsync(new InProcessMeshOptions
        {
            Settings = new Dictionary<string, string?> { ["Delivery:SenderRatePerSecond"] = ratePerSecond, ["Delivery:SenderBurst"] = "1" },
        });
        var scenario = ScenarioLoader.Parse(Scenario, "burst.yaml");
        var runner = new ReactiveExerciseRunner(mesh.Cluster.Client, KeyedRegistry.KeyOf, TimeProvider.System);
        var run = runner.RunAsync(scenario, 7, null, null, null, "test", "in-process", TestContext.Current.CancellationToken);
        // Five reports of five sends each, 3 s of waits apiece, after a 10 s exercise: a gateway resending without end never ends the run.
        await Deadline.UntilAsync(() => run.IsCompleted, TimeSpan.FromSeconds(60), "the run to end with its gateways done with the rate");
        var (_, log) = await run;
        return ([.. log.Facts.Where(f => f.Kind == MeshFactKind.Submitted && f.Participant == "NL" && f.Ref.StartsWith("M0", StringComparison.Ordinal))], log);
    }
}
