using System.Net;
using System.Text.Json;
using Article42.Mesh.Gateway;

namespace Article42.Mesh.IntegrationTests;

/// <summary>
/// Issue 22, item 4: <c>a42 exercise run</c> against a silo it did not start, from its own process. The silo requires
/// mutual TLS with each gateway certificate bound to its participant, so the run gets through only when every simulated
/// participant connects with its own certificate; exercise control goes through the operator-signed admin grain, which
/// the test then asks, as the operator, where the exercise stands; the activation's summary is in the run's arrival log.
/// </summary>
public sealed class ExerciseRemoteTests(TlsMesh mesh) : IClassFixture<TlsMesh>
{
    /// <summary>Compression 120: T+00:20 is 10 s real; NL invokes and reports to BE at T+00:01 and BE answers.</summary>
    private const string Scenario = """
        exercise: EX-REMOTE
        name: A report over a remote cluster
        mode: exercise
        compression: 120
        start: 2026-11-26T06:00:00Z
        endex: T+00:20
        threat: hybrid
        activations:
          - id: A42-2026-0911
            invoker: NL
        participants:
          players: [NL, BE]
        msel:
          - id: M00
            at: T+00:01
            from: NL
            to: ALL
            kind: INVOCATION
            title: NL invokes 42(7)
            payload:
              legal_basis: TEU_42_7
              incident_type: cyber
              incident_start: T-00:10
              affected_territory: Netherlands, Port of Rotterdam
              summary: A cyberattack of armed-attack gravity on the port's control systems. The Netherlands invokes Article 42(7) TEU.
              attribution_status: suspected
              initial_needs: [CYB.IR]
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

    /// <summary>
    /// The other side of the binding: with <c>--clients shared</c> every player speaks over the operator's connection, so
    /// with its certificate, and the silo refuses each submit as a certificate speaking for another participant. The run
    /// still ends and reports it: every message it sent refused with A42-SEC-002, none stored to answer.
    /// </summary>
    [Fact]
    public async Task With_one_shared_client_every_player_speaks_with_the_operator_s_certificate_and_every_submit_is_refused()
    {
        using var home = new TempHome();
        var scenario = Path.Combine(home.Path, "shared.yaml");
        await File.WriteAllTextAsync(scenario, Scenario.Replace("EX-REMOTE", "EX-REMOTE-SHARED", StringComparison.Ordinal).Replace("A42-2026-0911", "A42-2026-0912", StringComparison.Ordinal),
            TestContext.Current.CancellationToken);
        var output = Path.Combine(home.Path, "aar");
        await using var run = SiloProcess.Start("a42 exercise run (remote, shared)", "a42.dll", home.Path,
            ["exercise", "run", scenario, "--gateway", $"127.0.0.1:{mesh.Ports.Gateway}", "--keys", mesh.Keys, "--clients", "shared", "--out", output]);
        Assert.True(0 == await run.ExitedAsync(TimeSpan.FromSeconds(120)), run.Describe());

        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "report.json"), TestContext.Current.CancellationToken));
        var figures = report.RootElement.GetProperty("figures");
        var exercise = figures.GetProperty("exercise");
        Assert.Equal((0, 2), (exercise.GetProperty("messages_sent").GetInt32(), exercise.GetProperty("messages_refused").GetInt32()));
        var refusals = figures.GetProperty("refusals").EnumerateArray().ToList();
        Assert.Equal(["M00", "M01"], refusals.Select(r => r.GetProperty("ref").GetString()).Order(StringComparer.Ordinal));
        Assert.All(refusals, r => Assert.Equal("A42-SEC-002", r.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task An_exercise_runs_against_a_remote_silo_each_player_on_its_own_certificate_and_control_through_the_admin_grain()
    {
        using var home = new TempHome();
        var scenario = Path.Combine(home.Path, "remote.yaml");
        await File.WriteAllTextAsync(scenario, Scenario, TestContext.Current.CancellationToken);
        var output = Path.Combine(home.Path, "aar");
        await using var run = SiloProcess.Start("a42 exercise run (remote)", "a42.dll", home.Path,
            ["exercise", "run", scenario, "--gateway", $"127.0.0.1:{mesh.Ports.Gateway}", "--keys", mesh.Keys, "--out", output]);
        Assert.True(0 == await run.ExitedAsync(TimeSpan.FromSeconds(120)), run.Describe());
        Assert.Contains(run.Output, line => line.StartsWith("exercise control: 2/2 injects played", StringComparison.Ordinal));

        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "report.json"), TestContext.Current.CancellationToken));
        var exercise = report.RootElement.GetProperty("figures").GetProperty("exercise");
        var sent = exercise.GetProperty("messages_sent").GetInt32();
        Assert.True(sent >= 2, $"NL's report and BE's answer were not both sent: {exercise}");
        Assert.Equal(0, exercise.GetProperty("messages_refused").GetInt32());

        // The activation's summary, read at ENDEX through the operator-signed admin grain: in the arrival log the report is made from.
        using var arrivals = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "arrivals.json"), TestContext.Current.CancellationToken));
        var activation = Assert.Single(arrivals.RootElement.GetProperty("activations").EnumerateArray());
        Assert.Equal(("A42-2026-0911", "NL"), (activation.GetProperty("activation_id").GetString(), activation.GetProperty("invoker").GetString()));
        Assert.False(string.IsNullOrEmpty(activation.GetProperty("state").GetString()), activation.GetRawText());

        // What exercise control in the silo kept, asked as the operator: ended, the inject played, every message told.
        using var key = ParticipantKeys.LoadPrivateKey(Path.Combine(mesh.Keys, "operator.pem"));
        await using var @operator = await MeshOperator.ConnectAsync(new MeshOperatorOptions
        {
            OperatorKey = key,
            Connection = new()
            {
                Endpoints = [new IPEndPoint(IPAddress.Loopback, mesh.Ports.Gateway)],
                Tls = new MeshTlsOptions
                {
                    CertificateAuthorities = mesh.Trusted(),
                    ClientCertificate = TlsCertificates.Load(mesh.Pki.Certificate("operator"), mesh.Pki.Key("operator")),
                },
            },
        }, TestContext.Current.CancellationToken);
        var status = await @operator.ExerciseStatusAsync("EX-REMOTE", TestContext.Current.CancellationToken);
        Assert.Equal((true, 2, 2, sent), (status.Ended, status.InjectsPlayed, status.Injects, status.Observations));
    }
}
