namespace Article42.Mesh.Cli.Tests;

/// <summary><c>a42 completion bash|zsh</c>: scripts written from the command tree, checked by the shell itself.</summary>
public sealed class CompletionTests : IDisposable
{
    private const string Bash = "/usr/bin/bash";
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
        var commands = await HelpCommandsAsync();
        Assert.Contains("bench", commands);
        foreach (var command in commands)
            Assert.Contains($"\"|{command}\")", script, StringComparison.Ordinal);
        foreach (var command in await HelpCommandsAsync("exercise"))
            Assert.Contains($"\"exercise|{command}\")", script, StringComparison.Ordinal);
        Assert.DoesNotContain("docs", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bash_accepts_the_script_and_completes_the_subcommands_and_options_of_what_was_typed()
    {
        var path = Path.Combine(_home.Path, "a42.bash");
        await File.WriteAllTextAsync(path, await ScriptAsync("bash"), TestContext.Current.CancellationToken);
        var syntax = await TestProcess.RunAsync(Bash, ["-n", path], TimeSpan.FromSeconds(30));
        Assert.True(syntax.ExitCode == 0, syntax.Errors);

        string[] exercise = ["--help", .. await HelpCommandsAsync("exercise")];
        Assert.Equal(exercise.Order(StringComparer.Ordinal), await CompleteAsync(path, "a42", "exercise", ""));
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

    /// <summary>
    /// The commands <c>a42 COMMAND --help</c> lists, the tree as a user sees it: the expected set does not come from the
    /// tree the script is written from, and a command added later is expected without editing this test.
    /// </summary>
    private async Task<string[]> HelpCommandsAsync(params string[] command)
    {
        var help = await A42Process.RunAsync(_home.Path, [.. command, "--help"]);
        Assert.True(help.ExitCode == 0, help.ToString());
        var commands = help.Stdout.Split('\n').SkipWhile(l => l != "Commands:").Skip(1).TakeWhile(l => l.Length > 0)
            .Select(l => l.Trim().Split(' ')[0]).ToArray();
        Assert.NotEmpty(commands);
        return commands;
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
