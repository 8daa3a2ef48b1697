using System.Text.Json;

namespace Article42.Mesh.Cli.Tests;

/// <summary><c>a42 context</c>: named connection defaults, and how the commands that connect take them.</summary>
public sealed class ContextTests : IAsyncLifetime
{
    private readonly TempDirectory _home = new("a42-context-");

    private string Home => _home.Path;

    private string ContextsFile => Path.Combine(A42Process.ConfigHome(Home), "a42", "contexts.json");

    public async ValueTask InitializeAsync()
    {
        // status needs the operator key before it connects.
        var init = await A42Process.RunAsync(Home, "keys", "init");
        Assert.True(init.ExitCode == 0, init.ToString());
    }

    public ValueTask DisposeAsync()
    {
        _home.Dispose();
        return ValueTask.CompletedTask;
    }

    private Task<CliResult> A42(params string[] args) => A42Process.RunAsync(Home, args);

    private static string Unreachable(string endpoints) =>
        $"error A42-CLI-006 {endpoints}: cannot reach a mesh at {endpoints}: nothing accepts connections there (start one with 'a42 mesh up', or give --gateway HOST:PORT)\n";

    [Fact]
    public async Task A_context_added_and_used_is_listed_as_current_with_its_gateways_in_an_owner_only_file()
    {
        // Every a42 run under the ordinary umask 022: under a hardened 077 the mask alone would make the file 0600 and its directory 0700.
        using var umask = ProcessUmask.Set();
        Assert.Equal(0, (await A42("context", "add", "lab", "--gateway", "127.0.0.1:30001,127.0.0.1:30002", "--keys", Path.Combine(Home, "keys"), "--description", "the lab")).ExitCode);
        var use = await A42("context", "use", "lab");
        Assert.True(use.ExitCode == 0, use.ToString());
        var list = await A42("context", "list", "--json");
        Assert.True(list.ExitCode == 0, list.ToString());
        using var json = JsonDocument.Parse(list.Stdout);
        Assert.Equal("lab", json.RootElement.GetProperty("current").GetString());
        var lab = Assert.Single(json.RootElement.GetProperty("contexts").EnumerateArray());
        Assert.Equal("lab", lab.GetProperty("name").GetString());
        Assert.Equal(["127.0.0.1:30001", "127.0.0.1:30002"], lab.GetProperty("gateways").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(Path.Combine(Home, "keys"), lab.GetProperty("keys").GetString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ContextsFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(ContextsFile)!));
    }

    [Fact]
    public async Task A_command_takes_its_gateways_from_the_named_the_environments_or_the_current_context_and_an_explicit_option_wins()
    {
        var (there, elsewhere) = (NotAMesh.NothingListening(), NotAMesh.NothingListening());
        Assert.Equal(0, (await A42("context", "add", "lab", "--gateway", there)).ExitCode);

        Assert.Equal(Unreachable(there), (await A42("status", "--context", "lab")).Stderr);
        Assert.Equal(Unreachable(elsewhere), (await A42("status", "--context", "lab", "--gateway", elsewhere)).Stderr);
        var fromEnvironment = await A42Process.RunWithEnvironmentAsync(Home, new Dictionary<string, string> { ["A42_CONTEXT"] = "lab" }, "status");
        Assert.Equal(Unreachable(there), fromEnvironment.Stderr);
        Assert.Equal(0, (await A42("context", "use", "lab")).ExitCode);
        var current = await A42("status");
        Assert.True(current.ExitCode == 4, current.ToString());
        Assert.Equal(Unreachable(there), current.Stderr);
    }

    [Fact]
    public async Task An_unknown_context_is_refused_with_the_nearest_names_before_anything_connects()
    {
        Assert.Equal(0, (await A42("context", "add", "lab", "--gateway", NotAMesh.NothingListening())).ExitCode);
        var refused = await A42("status", "--context", "lba", "--gateway", NotAMesh.NothingListening());
        Assert.True(refused.ExitCode == 2, refused.ToString());
        Assert.Equal("error A42-CTX-001 --context: no context 'lba' (did you mean lab?) (a42 context list shows them)\n", refused.Stderr);
        var use = await A42("context", "use", "lbb");
        Assert.True(use.ExitCode == 2, use.ToString());
        Assert.StartsWith("error A42-CTX-001 --context: no context 'lbb' (did you mean lab?)", use.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\n  \"contexts\": {\n    \"lab\": { \"gateways\": 5 }\n  }\n}\n", 3)]
    [InlineData("{\n  \"contexts\": {\n    \"lab\": { \"gateway\": [] }\n  }\n}\n", 3)]
    [InlineData("{\n  \"contexts\": {\n    \"lab\": { \"gateways\": [\"nowhere\"] }\n  }\n}\n", 3)]
    [InlineData("{\n  \"contexts\": {\n    \"../lab\": {}\n  }\n}\n", 3)]
    [InlineData("{\n  \"current\": \"prod\",\n  \"contexts\": {}\n}\n", 2)]
    [InlineData("{\n  \"contexts\": {\n", 3)]
    public async Task A_malformed_contexts_file_is_refused_naming_the_file_and_line_by_every_command_that_reads_it(string text, int line)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ContextsFile)!);
        await File.WriteAllTextAsync(ContextsFile, text, TestContext.Current.CancellationToken);
        foreach (var command in new[] { new[] { "context", "list" }, ["status", "--gateway", NotAMesh.NothingListening()] })
        {
            var refused = await A42(command);
            Assert.True(refused.ExitCode == 2, refused.ToString());
            Assert.StartsWith($"error A42-CTX-002 {ContextsFile}:{line}: ", refused.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("System.", refused.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Adding_a_context_twice_is_refused_and_changes_nothing_unless_forced()
    {
        Assert.Equal(0, (await A42("context", "add", "lab", "--gateway", "127.0.0.1:30001")).ExitCode);
        var before = await File.ReadAllTextAsync(ContextsFile, TestContext.Current.CancellationToken);
        var again = await A42("context", "add", "lab", "--gateway", "127.0.0.1:30002");
        Assert.True(again.ExitCode == 2, again.ToString());
        Assert.Equal("error A42-CTX-003 lab: a context 'lab' exists already (--force replaces it)\n", again.Stderr);
        Assert.Equal(before, await File.ReadAllTextAsync(ContextsFile, TestContext.Current.CancellationToken));
        Assert.Equal(0, (await A42("context", "add", "lab", "--gateway", "127.0.0.1:30002", "--force")).ExitCode);
        Assert.Contains("127.0.0.1:30002", (await A42("context", "show", "lab")).Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../evil", "'../evil' is not a context name: it cannot contain a path separator")]
    [InlineData("a/b", "'a/b' is not a context name: it cannot contain a path separator")]
    [InlineData("a\\b", "'a\\b' is not a context name: it cannot contain a path separator")]
    [InlineData(".hidden", "'.hidden' is not a context name: letters, digits, '.', '_' and '-', starting with a letter or digit")]
    public async Task A_name_that_is_a_path_or_not_a_word_is_refused_and_nothing_is_written(string name, string sentence)
    {
        var refused = await A42("context", "add", name, "--gateway", "127.0.0.1:30001");
        Assert.True(refused.ExitCode == 2, refused.ToString());
        Assert.Equal($"error A42-CTX-004 NAME: {sentence}\n", refused.Stderr);
        Assert.False(Directory.Exists(A42Process.ConfigHome(Home)), "a refused add wrote something");
    }

    [Fact]
    public async Task Removing_the_current_context_leaves_none_current()
    {
        Assert.Equal(0, (await A42("context", "add", "lab", "--gateway", "127.0.0.1:30001")).ExitCode);
        Assert.Equal(0, (await A42("context", "use", "lab")).ExitCode);
        Assert.Equal(0, (await A42("context", "remove", "lab")).ExitCode);
        using var json = JsonDocument.Parse((await A42("context", "list", "--json")).Stdout);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("current").ValueKind);
        Assert.Empty(json.RootElement.GetProperty("contexts").EnumerateArray());
    }
}
