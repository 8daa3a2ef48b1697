using Article42.Mesh.Storage;
using Article42.Mesh.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Article42.Mesh.Exercises.Tests;

/// <summary>
/// Issue 22, item 2, on the real mesh: the reactive players answer what the mesh hands them when it hands it. A delay
/// injected inside the silo (appends of BE's inbox held at the journal, not the players' clock) makes, with the same
/// seed, an SLO gap and a mesh-raised escalation that the normal run lacks; the delayed run's arrival log replays
/// without a mesh to the same figures.
/// </summary>
public sealed class ReactiveRunTests
{
    /// <summary>
    /// Compression 30: the FLASH receipt SLO (10 min) is 20 s real, its 50 % escalation 10 s. BE answers a FLASH in a
    /// scenario minute (2 s real), far inside both on a normal run; held 25 s at the journal, it cannot.
    /// </summary>
    private const string Scenario = """
        exercise: EX-DELAY
        name: A FLASH report through a slow inbox
        mode: exercise
        compression: 30
        start: 2026-11-26T06:00:00Z
        endex: T+00:20
        threat: hybrid
        activations:
          - id: A42-2026-0901
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
              location: Port of Rotterdam
              incident_type: cyber
              effects: Container terminal control systems down.
              immediate_needs: [CYB.IR]
        """;

    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(25);

    [Fact]
    public async Task A_delay_inside_the_silo_gives_an_SLO_gap_and_a_mesh_escalation_the_normal_run_lacks_and_its_log_replays_to_the_same_figures()
    {
        GatedJournal gate = null!;
        await using var mesh = await InProcessMesh.StartAsync(new InProcessMeshOptions
        {
            Settings = new Dictionary<string, string?> { ["Delivery:SenderRatePerSecond"] = "1000000", ["Delivery:SenderBurst"] = "1000000" },
            Services = services =>
            {
                var journal = (IMessageJournal)services.Last(d => d.ServiceType == typeof(IMessageJournal)).ImplementationInstance!;
                services.AddSingleton<IMessageJournal>(gate = new GatedJournal(journal));
            },
        });
        var normal = ScenarioLoader.Parse(Scenario, "delay.yaml");
        var (normalReport, _) = await RunAsync(mesh, normal);

        // The same scenario and seed as another exercise (the mesh keeps one clock per exercise id), with BE's inbox
        // appends held at the journal for 25 s: the "received" entries of stream participant/BE (the journal's names).
        var delayed = normal with { Id = "EX-DELAY-SLOW" };
        gate.Hold((stream, entries) => stream == "participant/BE" && entries.Any(e => e.Type == "received"));
        using var release = TimeProvider.System.CreateTimer(_ => gate.Release(), null, Hold, Timeout.InfiniteTimeSpan);
        var (delayedReport, log) = await RunAsync(mesh, delayed);

        var slo = new[] { GapKind.ReceiptLate, GapKind.ReceiptMissing };
        Assert.DoesNotContain(normalReport.Figures.Gaps, g => slo.Contains(g.Kind) && g.Subject == "BE");
        Assert.Contains(delayedReport.Figures.Gaps, g => slo.Contains(g.Kind) && g.Subject == "BE");
        Assert.Equal(0, MeshEscalations(normalReport));
        Assert.True(MeshEscalations(delayedReport) >= 1, $"the mesh raised no escalation of M01 to BE: {ReportJson.Write(delayedReport)}");
        Assert.Contains(log.Facts, f => f.Kind == MeshFactKind.Escalated && f.Ref == "M01" && f.Participant == "BE");

        var replayed = ArrivalReplay.Play(delayed, ArrivalLog.FromJson(log.ToJson()));
        Assert.Equal(ReportJson.WriteFigures(delayedReport.Figures),
            ReportJson.WriteFigures(ExerciseReport.Create(delayed, log.Seed, ExerciseEngine.Reactive, replayed.Observe(log)).Figures));
    }

    private static int MeshEscalations(ExerciseReport report) => report.Run.MeshEscalations;

    private static async Task<(ExerciseReport Report, ArrivalLog Log)> RunAsync(InProcessMesh mesh, Scenario scenario)
    {
        var control = new SiloExerciseControl(mesh.Cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainFactory>().GetGrain<IExerciseGrain>(scenario.Id));
        var runner = new ReactiveExerciseRunner(mesh.Cluster.Client, KeyedRegistry.KeyOf, TimeProvider.System);
        var (observations, log) = await runner.RunAsync(scenario, 7, null, control, null, "test", "in-process", TestContext.Current.CancellationToken);
        return (ExerciseReport.Create(scenario, 7, ExerciseEngine.Reactive, observations), log);
    }
}
