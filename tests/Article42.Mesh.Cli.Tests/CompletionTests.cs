namespace Article42.Mesh.Cli.Tests;

/// <summary><c>a42 completion bash|zsh</c>: scripts written from the command tree, checked by the shell itself.</summary>
public sealed class CompletionTests : IDisposable
{
    private const string Bash = "/usr/bin/bash";
    private static readonly string[] TopLevel = ["participants", "keys", "envelope", "mesh", "exercise", "send", "listen", "trace", "status", "context", "completion"];

    private readonly TempDirectory _home = new("a42-completion-");

    public void Dispose() => _home.Dispose();

    private async Task<string> ScriptAsync(string shell)
    {
        var result = await A42Process.RunAsync(_home.Path, "completion", shell);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Stdout;
    }

    [Theory]
    [InlineData("bash")]
    [InlineData("zsh")]
    public async Task The_script_names_every_command_and_hides_the_hidden_ones(string shell)
    {
        var script = await ScriptAsync(shell);
        foreach (var command in TopLevel)
            Assert.Contains($"\"|{command}\")", script, StringComparison.Ordinal);
        Assert.Contains("\"exercise|run\")", script, StringComparison.Ordinal);
        Assert.DoesNotContain("docs", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bash_accepts_the_script_and_completes_the_subcommands_and_options_of_what_was_typed()
    {
        var path = Path.Combine(_home.Path, "a42.bash");
        await File.WriteAllTextAsync(path, await ScriptAsync("bash"), TestContext.Current.CancellationToken);
        var syntax = await TestProcess.RunAsync(Bash, ["-n", path], TimeSpan.FromSeconds(30));
        Assert.True(syntax.ExitCode == 0, syntax.Errors);

        Assert.Equal(["--help", "list", "replay", "run", "validate"], await CompleteAsync(path, "a42", "exercise", ""));
        Assert.Equal(["exercise"], await CompleteAsync(path, "a42", "exer"));
        Assert.Equal(["--gateway"], await CompleteAsync(path, "a42", "exercise", "run", "my.yaml", "--gat"));
        Assert.Equal(["--context"], await CompleteAsync(path, "a42", "status", "--cont"));
    }

    [Fact]
    public async Task An_unknown_shell_is_refused_naming_the_ones_there_are()
    {
        var result = await A42Process.RunAsync(_home.Path, "completion", "fish");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("error A42-CLI-004 a42 completion: no completion for 'fish': give bash or zsh\n", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    /// <summary>What bash offers for the last word of <paramref name="words"/>, as a Tab there would, sorted.</summary>
    private static async Task<string[]> CompleteAsync(string script, params string[] words)
    {
        var array = string.Join(' ', words.Select(w => $"'{w}'"));
        var program = $"source '{script}'; COMP_WORDS=({array}); COMP_CWORD={words.Length - 1}; _a42; printf '%s\\n' \"${{COMPREPLY[@]}}\"";
        var run = await TestProcess.RunAsync(Bash, ["--norc", "--noprofile", "-c", program], TimeSpan.FromSeconds(30));
        Assert.True(run.ExitCode == 0, run.Errors);
        return [.. run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)];
    }
}
