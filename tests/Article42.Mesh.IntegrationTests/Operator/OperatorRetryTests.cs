using System.Text.Json;

namespace Article42.Mesh.IntegrationTests;

/// <summary>
/// <c>a42 trace</c> and <c>a42 status</c> (the SDK's <c>MeshOperator</c>) under the gateway SDK's error contract (issue
/// 16): a mesh that cannot serve the request now (<c>A42-SRV-001</c>, here a journal outage) is asked again, each
/// attempt with a fresh operator proof, until it answers; a refused call prints its code and sentence and exits 2.
/// </summary>
public sealed class OperatorRetryTests(OutageMesh mesh) : IClassFixture<OutageMesh>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Status_asked_during_a_journal_outage_is_asked_again_with_a_fresh_proof_each_time_and_answers_once_the_journal_is_back()
    {
        var (run, attempts) = await ThroughAnOutageAsync("status");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(run.Output, line => line.StartsWith("silo ", StringComparison.Ordinal));
        AssertFreshProofs(attempts);
        AssertNoStackTrace(run);
    }

    [Fact]
    public async Task Trace_asked_during_a_journal_outage_is_asked_again_with_a_fresh_proof_each_time_and_answers_once_the_journal_is_back()
    {
        var sent = await mesh.RunAsync("send", "--as", "FR", "--to", "DE", "--kind", "SITREP");
        Assert.True(sent.ExitCode == 0, sent.ToString());
        using var receipt = JsonDocument.Parse(sent.JsonLines.First());
        var messageId = receipt.RootElement.GetProperty("msg_id").GetString()!;

        var (run, attempts) = await ThroughAnOutageAsync("trace", messageId, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var trace = JsonDocument.Parse(string.Join('\n', run.Output));
        Assert.Equal(messageId, trace.RootElement.GetProperty("msg_id").GetString());
        AssertFreshProofs(attempts);
        AssertNoStackTrace(run);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("trace", "01M8D45G7APMF4CD7T5GJM0RF5")]
    public async Task A_call_the_mesh_refuses_outright_prints_its_code_and_sentence_exits_2_and_is_asked_once(params string[] args)
    {
        var refusal = new MeshError(ErrorCodes.OutsideClientSurface, "IAdminGrain", "refused by the test's silo filter");
        var before = mesh.AdminCalls.Nonces.Count;
        mesh.AdminCalls.Refusal = refusal;
        A42Run run;
        try
        {
            run = await mesh.RunAsync(args);
        }
        finally
        {
            mesh.AdminCalls.Refusal = null;
        }

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal([refusal.ToString()], run.Errors);
        Assert.Empty(run.Output);
        Assert.Equal(1, mesh.AdminCalls.Nonces.Count - before);
    }

    [Fact]
    public async Task Trace_with_another_operator_key_prints_the_proof_refusal_and_exits_2()
    {
        var otherKeys = Path.Combine(mesh.Home, "other-operator");
        TrustStore.Create(otherKeys, ParticipantRegistry.Default);

        var run = await mesh.RunAsync("trace", "01M8D45G7APMF4CD7T5GJM0RF6", "--operator-key", Path.Combine(otherKeys, "operator.pem"));

        Assert.True(run.ExitCode == 2, run.ToString());
        var line = Assert.Single(run.Errors);
        Assert.StartsWith($"error {ErrorCodes.OperatorProofInvalid} $.signature: ", line, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    /// <summary>
    /// Runs <c>a42 ARGS</c> with the journal down until the mesh has refused three of its attempts with A42-SRV-001,
    /// then brings the journal back and waits for the command's end. Returns its run and the nonce of every attempt.
    /// </summary>
    private async Task<(A42Run Run, List<string> Attempts)> ThroughAnOutageAsync(params string[] args)
    {
        var before = mesh.AdminCalls.Nonces.Count;
        var failuresBefore = mesh.Journal.Failures;
        mesh.Journal.Down = true;
        await using var process = mesh.Start([.. args, "--timeout", "120"]);
        try
        {
            await Deadline.UntilAsync(() => mesh.AdminCalls.Nonces.Count - before >= 3, Within, $"three attempts of a42 {args[0]} during the outage");
        }
        finally
        {
            mesh.Journal.Down = false;
        }
        Assert.True(mesh.Journal.Failures - failuresBefore >= 3, "the attempts failed on the journal");
        var exit = await process.ExitedAsync(TimeSpan.FromMinutes(2));
        return (new A42Run(exit, process.Output, process.Errors), [.. mesh.AdminCalls.Nonces.Skip(before)]);
    }

    /// <summary>At least the three failed attempts and the one served, each signed anew (a repeated nonce is a replay).</summary>
    private static void AssertFreshProofs(List<string> attempts)
    {
        Assert.True(attempts.Count >= 4, $"{attempts.Count} attempts");
        Assert.Equal(attempts.Count, attempts.Distinct().Count());
    }

    private static void AssertNoStackTrace(A42Run run) =>
        Assert.DoesNotContain(run.Errors, line => line.Contains("Exception", StringComparison.Ordinal) || line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
}
