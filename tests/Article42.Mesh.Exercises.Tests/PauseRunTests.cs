using Article42.Mesh.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Article42.Mesh.Exercises.Tests;

/// <summary>
/// Issue 22: the reactive clock follows a PAUSEEX in the MSEL. While the exercise is paused nothing is decided or
/// sent and the reaction timers stand still; the mesh's own exercise clock pauses with it, so a receipt that is late
/// in real time is not escalated. Real mesh (in-process silo), real gateways.
/// </summary>
public sealed class PauseRunTests
{
    /// <summary>
    /// Compression 30: the FLASH receipt SLO (10 min) is 20 s real, its 50 % escalation 10 s. NL's FLASH report goes out
    /// at T+00:01 (2 s real) and BE answers it a scenario minute after it arrives (2 s real): far inside both, unpaused.
    /// EXCON pauses at T+00:01:30 for 10 s real, which BE's receipt must wait out, 10 s after the report and more.
    /// </summary>
    private const string Scenario = """
        exercise: EX-PAUSE
        name: A pause in the middle of a FLASH report
        mode: exercise
        compression: 30
        start: 2026-11-26T06:00:00Z
        endex: T+00:05
        threat: hybrid
        activations:
          - id: A42-2026-0902
            invoker: NL
        participants:
          players: [NL, BE]
          default:
            reaction: { FLASH: "00:01", IMMEDIATE: "00:02", PRIORITY: "00:05", ROUTINE: "00:10" }
            jitter: 0
        msel:
          - id: M01
            at: T+00:01
            from: NL
            to: BE
            kind: INCIDENT_REPORT
            precedence: FLASH
            payload:
              event_time: T-00:05
              location: Port of Antwerp
              incident_type: cyber
              effects: Terminal control systems down.
              immediate_needs: [CYB.IR]
          - id: P01
            at: T+00:01:30
            from: EXCON
            to: ALL
            kind: PAUSEEX
            resume_after: "00:00:10"
            title: EXCON pauses for a hot wash
        """;

    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task While_paused_nothing_is_decided_or_sent_the_reaction_timers_stand_still_and_the_mesh_escalates_nothing()
    {
        await using var mesh = await InProcessMesh.StartAsync(new InProcessMeshOptions
        {
            Settings = new Dictionary<string, string?> { ["Delivery:SenderRatePerSecond"] = "1000000", ["Delivery:SenderBurst"] = "1000000" },
        });
        var scenario = ScenarioLoader.Parse(Scenario, "pause.yaml");
        var control = new SiloExerciseControl(mesh.Cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainFactory>().GetGrain<IExerciseGrain>(scenario.Id));
        var runner = new ReactiveExerciseRunner(mesh.Cluster.Client, KeyedRegistry.KeyOf, TimeProvider.System);
        var (observations, log) = await runner.RunAsync(scenario, 7, null, control, null, "test", "in-process", TestContext.Current.CancellationToken);

        var paused = Assert.Single(log.Facts, f => f.Kind == MeshFactKind.Submitted && f.Ref == "P01");
        Assert.Null(paused.Refusal);
        var resumed = paused.Utc + Pause;
        var received = Assert.Single(log.Facts, f => f.Kind == MeshFactKind.Received && f.Ref == "M01" && f.Participant == "BE");
        var receipt = Assert.Single(log.Facts, f => f.Kind == MeshFactKind.Submitted && f.Ref == "RECEIPT:BE:M01");

        // Nothing went out during the pause; BE's receipt waited for the resume...
        Assert.DoesNotContain(log.Facts, f => f.Kind == MeshFactKind.Submitted && f.Utc > paused.Utc && f.Utc < resumed);
        Assert.True(receipt.Utc >= resumed, $"BE's receipt went out at {receipt.Utc:O}, before the resume at {resumed:O}");
        // ...and its reaction time ran on the exercise clock only: a scenario minute after the report reached BE, not ten real seconds more.
        Assert.Equal(TimeSpan.FromMinutes(1), receipt.At - received.At);
        Assert.True(receipt.At < TimeSpan.FromMinutes(3), $"the receipt is stamped T+{receipt.At}: the clock ran on during the pause");
        // The mesh paused its clock too: the receipt, more than 10 s real after the report, raised no escalation.
        Assert.DoesNotContain(log.Facts, f => f.Kind == MeshFactKind.Escalated && f.Ref == "M01");
        var report = ExerciseReport.Create(scenario, 7, ExerciseEngine.Reactive, observations);
        Assert.DoesNotContain(report.Figures.Gaps, g => g.Kind is GapKind.ReceiptLate or GapKind.ReceiptMissing);
        // The exercise ends a pause later in real time: ENDEX at 10 s running time plus the 10 s pause.
        Assert.True(log.EndexUtc - log.StartexUtc >= scenario.RealDuration + Pause, $"ENDEX came {log.EndexUtc - log.StartexUtc} after STARTEX");
    }
}
