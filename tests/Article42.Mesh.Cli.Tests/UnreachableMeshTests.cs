using System.Diagnostics;

namespace Article42.Mesh.Cli.Tests;

/// <summary>What the gateway and operator commands say when what is at --gateway is not a mesh that answers.</summary>
public sealed class UnreachableMeshTests(TrustStoreFixture store) : IClassFixture<TrustStoreFixture>
{
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(5);

    public static TheoryData<string> OneShotCommands =>
    [
        "send --as FR --to DE --kind SITREP",
        "status",
        "trace 01M8D45G7APMF4CD7T5GJM061A",
    ];

    [Theory]
    [MemberData(nameof(OneShotCommands))]
    public async Task A_one_shot_command_with_no_mesh_at_the_gateway_says_so_within_seconds_and_exits_4(string command)
    {
        var nowhere = NotAMesh.NothingListening();
        var clock = Stopwatch.StartNew();
        var result = await store.RunAsync([.. command.Split(' '), "--gateway", nowhere]);
        AssertSaidUnreachable(result, nowhere, clock.Elapsed);
    }

    [Fact]
    public async Task Exercise_run_against_a_gateway_nothing_answers_at_says_so_within_seconds_before_any_exercise_work()
    {
        var nowhere = NotAMesh.NothingListening();
        var output = Path.Combine(store.Home, "aar-nowhere");
        var clock = Stopwatch.StartNew();
        var result = await store.RunAsync("exercise", "run", "cross-border-incursion", "--gateway", nowhere, "--out", output);
        AssertSaidUnreachable(result, nowhere, clock.Elapsed);
        Assert.False(Directory.Exists(output), "a report was written");
    }

    [Fact]
    public async Task Listen_with_no_mesh_at_the_gateway_says_so_within_seconds_and_keeps_retrying()
    {
        var nowhere = NotAMesh.NothingListening();
        await using var listen = A42Process.Start(store.Home, "listen", "--as", "DE", "--gateway", nowhere);
        await TestKit.Deadline.UntilAsync(() => listen.Errors.Count > 0, Promptly, "a line on a42 listen's stderr");
        var line = listen.Errors[0];
        Assert.Equal($"error A42-CLI-006 {nowhere}: cannot reach a mesh at {nowhere}: nothing accepts connections there (start one with 'a42 mesh up', or give --gateway HOST:PORT); retrying until it answers (Ctrl+C to stop)", line);
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        Assert.False(listen.HasExited, "listen gave up instead of retrying");
    }

    [Fact]
    public async Task Status_against_a_TLS_server_that_is_not_a_mesh_says_so_instead_of_blaming_TLS()
    {
        await using var server = NotAMesh.Tls();
        var result = await store.RunAsync("status", "--gateway", server.Endpoint, "--timeout", "20");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(
            $"error A42-TLS-005 {server.Endpoint}: {server.Endpoint} speaks TLS but is not a mesh gateway: it did not ask for a client certificate, as every mesh gateway does (check --gateway)\n",
            result.Stderr);
    }

    [Fact]
    public async Task A_send_to_something_that_accepts_and_never_answers_ends_at_its_timeout_with_exit_1_and_the_id_to_resend()
    {
        await using var silent = NotAMesh.Silent();
        var result = await store.RunAsync("send", "--as", "FR", "--to", "DE", "--kind", "SITREP", "--id", "01M8D45G7APMF4CD7T5GJM061A", "--timeout", "2", "--gateway", silent.Endpoint);
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("no receipt for 01M8D45G7APMF4CD7T5GJM061A within 2 s", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--id 01M8D45G7APMF4CD7T5GJM061A", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Exit 4 within <see cref="Promptly"/>, the one A42-CLI-006 line naming <paramref name="nowhere"/> on stderr, nothing on stdout.</summary>
    private static void AssertSaidUnreachable(CliResult result, string nowhere, TimeSpan took)
    {
        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.True(took < Promptly, $"took {took}");
        Assert.Equal(
            $"error A42-CLI-006 {nowhere}: cannot reach a mesh at {nowhere}: nothing accepts connections there (start one with 'a42 mesh up', or give --gateway HOST:PORT)\n",
            result.Stderr);
        Assert.Equal("", result.Stdout);
    }
}
