using Article42.Mesh.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Article42.Mesh.Exercises.Tests;

/// <summary>
/// Issue 22, item 3, on the real mesh (in-process silo, real gateways): a reminder closes a gap. BE leaves NL's FLASH
/// report unanswered; the mesh escalates the missing receipt on the exercise clock; NL reminds BE, and BE, reminded,
/// sends the receipt. With <c>reminds: false</c> the same run ends with the receipt missing.
/// </summary>
public sealed class ReminderRunTests
{
    /// <summary>
    /// Compression 60: the FLASH receipt SLO (10 min) is 10 s real, its 50 % escalation 5 s after the report (T+00:06).
    /// NL reminds a scenario minute (1 s real) after the escalation; BE answers a scenario minute after the reminder
    /// arrives, about T+00:08, before the receipt is due (T+00:11) and well before ENDEX (T+00:20, 20 s real).
    /// </summary>
    private const string Scenario = """
        exercise: EX-REMIND
        name: A FLASH report left unanswered until reminded
        mode: exercise
        compression: 60
        start: 2026-11-26T06:00:00Z
        endex: T+00:20
        threat: hybrid
        activations:
          - id: A42-2026-0903
            invoker: NL
        participants:
          players: [NL, BE]
          default:
            reaction: { FLASH: "00:01", IMMEDIATE: "00:02", PRIORITY: "00:05", ROUTINE: "00:10" }
            jitter: 0
          behaviours:
            NL: { reminds: true }
            BE: { ignore: { INCIDENT_REPORT: 1 }, reminded: 1 }
        msel:
          - id: M01
            at: T+00:01
            from: NL
            to: BE
            kind: INCIDENT_REPORT
            precedence: FLASH
            payload:
              event_time: T-00:05
              location: Port of Zeebrugge
              incident_type: cyber
              effects: Lock gates and terminal control systems down.
              immediate_needs: [CYB.IR]
        """;

    [Fact]
    public async Task A_reminder_after_the_mesh_escalation_gets_the_missing_receipt_the_run_without_reminders_lacks()
    {
        await using var mesh = await InProcessMesh.StartAsync(new InProcessMeshOptions
        {
            Settings = new Dictionary<string, string?> { ["Delivery:SenderRatePerSecond"] = "1000000", ["Delivery:SenderBurst"] = "1000000" },
        });
        // Two exercises on one mesh: it keeps one clock per exercise id.
        var quiet = ScenarioLoader.Parse(Scenario.Replace("EX-REMIND", "EX-REMIND-OFF", StringComparison.Ordinal)
            .Replace("NL: { reminds: true }", "NL: { reminds: false }", StringComparison.Ordinal), "remind-off.yaml");
        var (quietReport, quietLog) = await RunAsync(mesh, quiet);

        Assert.Contains(quietLog.Facts, f => f is { Kind: MeshFactKind.Escalated, Ref: "M01", Participant: "BE" });
        Assert.DoesNotContain(quietLog.Facts, f => f.Ref.StartsWith("REMINDER:", StringComparison.Ordinal));
        var missing = Assert.Single(quietReport.Figures.Gaps, g => g is { Kind: GapKind.ReceiptMissing, Subject: "BE" });
        Assert.Equal("BE sent no receipt for 1 of 1 messages that asked for one: M01 INCIDENT_REPORT (FLASH, due T+00:11)", missing.Text);
        Assert.Equal(new ReminderFigure(0, 0), quietReport.Figures.Reminders);

        var reminding = ScenarioLoader.Parse(Scenario, "remind.yaml");
        var (report, log) = await RunAsync(mesh, reminding);

        var escalation = log.Facts.First(f => f is { Kind: MeshFactKind.Escalated, Ref: "M01", Participant: "BE" });
        var reminder = Assert.Single(log.Facts, f => f is { Kind: MeshFactKind.Submitted, Ref: "REMINDER:BE:M01", Participant: "NL" });
        Assert.Null(reminder.Refusal);
        Assert.Equal(escalation.At + TimeSpan.FromMinutes(1), reminder.At);
        var reached = Assert.Single(log.Facts, f => f is { Kind: MeshFactKind.Received, Ref: "REMINDER:BE:M01", Participant: "BE" });
        var receipt = Assert.Single(log.Facts, f => f is { Kind: MeshFactKind.Submitted, Ref: "RECEIPT:BE:M01", Participant: "BE" });
        Assert.Null(receipt.Refusal);
        Assert.Equal(reached.At + TimeSpan.FromMinutes(1), receipt.At);
        Assert.DoesNotContain(report.Figures.Gaps, g => g.Kind == GapKind.ReceiptMissing);
        Assert.Equal(new ReminderFigure(1, 1), report.Figures.Reminders);
    }

    private static async Task<(ExerciseReport Report, ArrivalLog Log)> RunAsync(InProcessMesh mesh, Scenario scenario)
    {
        var control = new SiloExerciseControl(mesh.Cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainFactory>().GetGrain<IExerciseGrain>(scenario.Id));
        var runner = new ReactiveExerciseRunner(mesh.Cluster.Client, KeyedRegistry.KeyOf, TimeProvider.System);
        var (observations, log) = await runner.RunAsync(scenario, 7, null, control, null, "test", "in-process", TestContext.Current.CancellationToken);
        return (ExerciseReport.Create(scenario, 7, ExerciseEngine.Reactive, observations), log);
    }
}
