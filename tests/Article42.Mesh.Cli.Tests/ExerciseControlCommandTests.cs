using System.Globalization;
using System.Net;
using System.Text.Json;
using Article42.Mesh.Gateway;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Tests;

/// <summary>
/// <c>a42 exercise pause | resume | status</c> against a running mesh (<c>a42 mesh up</c>, its own process; issue 22): an
/// operator outside the MSEL pauses and resumes an exercise through the operator-signed admin grain, and the refusals
/// (an exercise never started, a bad id, no operator key) come with their codes.
/// </summary>
public sealed class ExerciseControlCommandTests : IAsyncLifetime
{
    private const string ExerciseId = "EX-CLI-CONTROL";
    private readonly TempDirectory _home = new("a42-exercise-control-");
    private TestProcess? _mesh;
    private string _gateway = "";

    private string Keys => Path.Combine(_home.Path, "keys");

    [Fact]
    public async Task An_operator_pauses_and_resumes_a_running_exercise_and_status_shows_each_state()
    {
        await StartexAsync();

        var paused = await A42Async("exercise", "pause", ExerciseId, "--json");
        Assert.True(paused.ExitCode == 0, paused.ToString());
        Assert.Equal(("paused", 1), State(paused));
        var status = await A42Async("exercise", "status", ExerciseId);
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains($"exercise {ExerciseId}: paused", status.Stdout, StringComparison.Ordinal);

        var resumed = await A42Async("exercise", "resume", ExerciseId, "--json");
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Equal(("running", 1), State(resumed));
        var running = await A42Async("exercise", "status", ExerciseId, "--json");
        Assert.True(running.ExitCode == 0, running.ToString());
        Assert.Equal(("running", 1), State(running));
        Assert.Equal(("", 1), (running.Stderr, JsonDocument.Parse(running.Stdout).RootElement.GetProperty("injects").GetInt32()));
    }

    [Fact]
    public async Task An_exercise_never_started_a_bad_id_and_a_missing_operator_key_are_refused_with_their_codes()
    {
        foreach (var verb in new[] { "pause", "resume", "status" })
        {
            var unknown = await A42Async("exercise", verb, "EX-NEVER-STARTED");
            Assert.True(unknown.ExitCode == 2 && unknown.Stdout == "" && unknown.Stderr.Contains("error A42-ADM-006 $.exercise_id: no exercise 'EX-NEVER-STARTED' was started", StringComparison.Ordinal), unknown.ToString());
        }
        var badId = await A42Async("exercise", "pause", "../EX");
        Assert.True(badId.ExitCode == 2 && badId.Stdout == "" && badId.Stderr.Contains("error A42-ADM-005 $.exercise_id", StringComparison.Ordinal), badId.ToString());
        var noKey = await A42Async("exercise", "status", ExerciseId, "--operator-key", Path.Combine(_home.Path, "no-such.pem"));
        Assert.True(noKey.ExitCode == 2 && noKey.Stdout == "" && noKey.Stderr.Contains($"error {ErrorCodes.KeysNoPrivateKey} --operator-key: no operator key", StringComparison.Ordinal), noKey.ToString());
    }

    public async ValueTask InitializeAsync()
    {
        var init = await A42Process.RunAsync(_home.Path, "keys", "init");
        Assert.True(init.ExitCode == 0, init.ToString());
        var ports = FreePorts.Take(3);
        _gateway = $"127.0.0.1:{ports[1]}";
        _mesh = A42Process.Start(_home.Path, "mesh", "up", "--keys", Keys, "--data", Path.Combine(_home.Path, "data"),
            "--silo-port", Port(ports[0]), "--gateway-port", Port(ports[1]), "--http-port", Port(ports[2]),
            "--Dashboard:Enabled=false", "--Logging:LogLevel:Default=Warning");
        await _mesh.ReadyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_mesh is not null)
            await _mesh.DisposeAsync();
        _home.Dispose();
    }

    /// <summary>STARTEX as a42 exercise run does it, through the operator API: one inject, so the status has something to count.</summary>
    private async Task StartexAsync()
    {
        using var key = TrustStore.Open(Keys).LoadPrivateKey(TrustStore.OperatorKeyName);
        await using var @operator = await MeshOperator.ConnectAsync(new MeshOperatorOptions
        {
            OperatorKey = key,
            Connection = new MeshConnection { Endpoints = [IPEndPoint.Parse(_gateway)] },
        }, TestContext.Current.CancellationToken);
        var plan = new ExercisePlanRecord(ExerciseId, "Paused by an operator", 60, [new PlannedInject("I1", TimeSpan.FromMinutes(10), [])]);
        var started = await @operator.StartexAsync(plan, TestContext.Current.CancellationToken);
        Assert.False(started.Ended);
    }

    private static (string State, int Injects) State(CliResult result)
    {
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(ExerciseId, json.GetProperty("exercise_id").GetString());
        return (json.GetProperty("state").GetString()!, json.GetProperty("injects").GetInt32());
    }

    private Task<CliResult> A42Async(params string[] args) => A42Process.RunAsync(_home.Path, [.. args, "--gateway", _gateway]);

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
