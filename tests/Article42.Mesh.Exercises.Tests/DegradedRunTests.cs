using Article42.Mesh.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Article42.Mesh.Exercises.Tests;

/// <summary>
/// Issue 22, item 3, on the real mesh: a degraded link is the players' (they learn and send later), so the runner really
/// submits the receipt late and the mesh, judging it on the exercise clock, raises the escalation itself. The same
/// scenario without the window answers in a scenario minute (<see cref="ReactiveRunTests"/>' normal run).
/// </summary>
public sealed class DegradedRunTests
{
    /// <summary>
    /// Compression 40: ENDEX is 30 s real and the FLASH receipt SLO (10 min) 15 s. BE answers a FLASH in a scenario minute,
    /// but its link costs 6 minutes each way until T+00:20: the receipt leaves about T+00:14, 13 minutes after the report.
    /// </summary>
    private const string Scenario = """
        exercise: EX-DEGRADED
        name: A FLASH report over a degraded link
        mode: exercise
        compression: 40
        start: 2026-11-26T06:00:00Z
        endex: T+00:20
        threat: hybrid
        activations:
          - id: A42-2026-0902
            invoker: NL
        participants:
          players: [NL, BE]
          default:
            reaction: { FLASH: "00:01", IMMEDIATE: "00:02", PRIORITY: "00:05", ROUTINE: "00:10" }
            jitter: 0
          behaviours:
            BE: { degraded: [ { from: T+00:00, to: T+00:20, delay: "00:06" } ] }
        msel:
          - id: M01
            at: T+00:01
            from: NL
            to: BE
            kind: INCIDENT_REPORT
            precedence: FLASH
            payload:
              event_time: T-00:05
              location: Port of Rotterdam
              incident_type: cyber
              effects: Container terminal control systems down.
              immediate_needs: [CYB.IR]
        """;

    [Fact]
    public async Task A_degraded_link_makes_the_receipt_late_the_mesh_escalate_it_and_the_report_list_the_communications_gap()
    {
        await using var mesh = await InProcessMesh.StartAsync(new InProcessMeshOptions
        {
            Settings = new Dictionary<string, string?> { ["Delivery:SenderRatePerSecond"] = "1000000", ["Delivery:SenderBurst"] = "1000000" },
        });
        var scenario = ScenarioLoader.Parse(Scenario, "degraded.yaml");
        var control = new SiloExerciseControl(mesh.Cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainFactory>().GetGrain<IExerciseGrain>(scenario.Id));
        var runner = new ReactiveExerciseRunner(mesh.Cluster.Client, KeyedRegistry.KeyOf, TimeProvider.System);
        var (observations, log) = await runner.RunAsync(scenario, 7, null, control, null, "test", "in-process", TestContext.Current.CancellationToken);
        var report = ExerciseReport.Create(scenario, 7, ExerciseEngine.Reactive, observations);

        var receipt = Assert.Single(observations.Messages, m => m.Ref == "RECEIPT:BE:M01");
        Assert.Equal(TimeSpan.FromMinutes(6), receipt.LinkDelay);
        // 13 scenario minutes after the report reached BE's gateway: 6 in, BE's FLASH reaction of 1, 6 out (all inside the window).
        var reached = Assert.Single(log.Facts, f => f is { Kind: MeshFactKind.Received, Ref: "M01", Participant: "BE" });
        Assert.Equal(reached.At + TimeSpan.FromMinutes(13), receipt.Scenario);
        // The report goes out at T+00:01, so no earlier than T+00:14. No upper bound: how much later is the mesh's delivery
        // on this machine (a second under load is 40 scenario seconds here); the 13 minutes above are the promise.
        Assert.True(receipt.Scenario >= TimeSpan.FromMinutes(14), $"the receipt left at {receipt.Scenario}, before T+00:14");
        Assert.Contains(report.Figures.Gaps, g => g.Kind == GapKind.ReceiptLate && g.Subject == "BE");
        var gap = Assert.Single(report.Figures.Gaps, g => g.Kind == GapKind.CommunicationsGap);
        Assert.Contains("1 receipts late (RECEIPT:BE:M01)", gap.Text, StringComparison.Ordinal);
        Assert.Contains(log.Facts, f => f.Kind == MeshFactKind.Escalated && f.Ref == "M01" && f.Participant == "BE");
        Assert.True(report.Run.MeshEscalations >= 1, $"the mesh raised no escalation of M01: {ReportJson.Write(report)}");
    }
}
