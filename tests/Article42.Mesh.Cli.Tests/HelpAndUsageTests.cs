using System.Text.RegularExpressions;

namespace Article42.Mesh.Cli.Tests;

public sealed partial class HelpAndUsageTests : IDisposable
{
    private readonly TempDirectory _home = new("a42-help-");

    private string Home => _home.Path;

    public void Dispose() => _home.Dispose();

    public static TheoryData<string> Commands =>
    [
        "", "participants", "keys", "keys init", "envelope", "envelope new", "envelope validate", "envelope sign",
        "envelope verify", "mesh", "mesh up", "exercise", "exercise list", "exercise run", "exercise validate", "send", "listen", "trace", "status",
    ];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_command_has_help_with_examples_of_itself_and_exits_0(string command)
    {
        var result = await A42Process.RunAsync(Home, [.. Words(command), "--help"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        var path = string.Join(' ', ["a42", .. Words(command)]);
        Assert.StartsWith($"{path}: ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Usage: {path}", result.Stdout, StringComparison.Ordinal);
        var examples = result.Stdout[result.Stdout.IndexOf("\nExamples:\n", StringComparison.Ordinal)..];
        Assert.Contains($"\n  {path} ", examples, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_names_values_in_capitals_and_carries_no_parser_boilerplate(string command)
    {
        var help = (await A42Process.RunAsync(Home, [.. Words(command), "--help"])).Stdout;
        var options = help[help.IndexOf("\nOptions:\n", StringComparison.Ordinal)..];
        foreach (Match label in OptionLabel().Matches(options))
            Assert.Matches("^<[A-Z][A-Z:|@]*>$", label.Groups["value"].Value);
        Assert.DoesNotContain("[default:", help, StringComparison.Ordinal);
        Assert.DoesNotContain("/?", help, StringComparison.Ordinal);
        Assert.DoesNotContain("Description:", help, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--as <PARTICIPANT>", "send")]
    [InlineData("--to <PARTICIPANTS>", "send")]
    [InlineData("--timeout <SECONDS>", "send")]
    [InlineData("--gateway <HOST:PORT>", "send")]
    [InlineData("<FILE>", "send")]
    [InlineData("--keys <DIR>", "send")]
    [InlineData("--as <PARTICIPANTS>", "listen")]
    [InlineData("--timeout <SECONDS>", "status")]
    [InlineData("--operator-key <FILE>", "trace")]
    [InlineData("<MSGID>", "trace")]
    [InlineData("--from <PARTICIPANT>", "envelope", "new")]
    [InlineData("--as <PARTICIPANT>", "envelope", "sign")]
    public async Task Values_have_the_same_names_in_every_command(string label, params string[] command)
    {
        var result = await A42Process.RunAsync(Home, [.. command, "--help"]);
        Assert.Contains($"  {label}  ", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bare_a42_lists_its_commands_and_exits_0()
    {
        var result = await A42Process.RunAsync(Home);
        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var command in new[] { "participants", "keys", "envelope", "mesh", "exercise", "send", "listen", "trace", "status" })
            Assert.Contains($"\n  {command} ", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("", result.Stderr);
    }

    [Theory]
    [InlineData("error A42-CLI-004 a42: unknown command 'sned' (did you mean send?)", "sned")]
    [InlineData("error A42-CLI-004 a42: unknown command 'statsu' (did you mean status?)", "statsu")]
    [InlineData("error A42-CLI-004 a42 envelope: unknown command 'sing' (did you mean sign?)", "envelope", "sing")]
    [InlineData("error A42-CLI-004 a42: unknown command 'frobnicate'\n", "frobnicate")]
    [InlineData("error A42-CLI-004 a42 send: unknown option --too (did you mean --to?)", "send", "--as", "FR", "--too", "DE")]
    [InlineData("error A42-CLI-004 a42 send: unknown option --wait (did you mean --wait-delivery?)", "send", "--as", "FR", "--wait")]
    [InlineData("error A42-CLI-004 a42 participants: unknown option --colour\n", "participants", "--colour")]
    [InlineData("error A42-CLI-004 a42 trace: missing <MSGID>", "trace")]
    [InlineData("error A42-CLI-004 --as: missing: give --as <PARTICIPANTS>", "listen")]
    [InlineData("error A42-CLI-004 --as: no value: give --as <PARTICIPANT>", "send", "--as")]
    [InlineData("error A42-CLI-002 --timeout: expects a whole number of seconds of at least 1, got 'abc'", "send", "--timeout", "abc")]
    [InlineData("error A42-CLI-002 --timeout: expects a whole number of seconds of at least 1, got '0'", "status", "--timeout", "0")]
    [InlineData("error A42-CLI-002 --count: expects a whole number of envelopes of at least 1, got 'x'", "listen", "--as", "DE", "--count", "x")]
    [InlineData("error A42-CLI-002 --seed: expects a whole number, got '4.2'", "exercise", "run", "hybrid-island", "--seed", "4.2")]
    public async Task A_usage_error_says_what_is_wrong_in_words_and_exits_2(string expected, params string[] args)
    {
        var result = await A42Process.RunAsync(Home, args);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, result.Stderr + "\n", StringComparison.Ordinal);
        Assert.EndsWith($"Run '{UsagePath(args)} --help' for usage and examples.\n", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Help_is_printed_even_when_the_rest_of_the_line_is_wrong()
    {
        var result = await A42Process.RunAsync(Home, "send", "--too", "--help");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("a42 send: ", result.Stdout, StringComparison.Ordinal);
    }

    private static string[] Words(string command) => command.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string UsagePath(string[] args) =>
        string.Join(' ', ["a42", .. args.TakeWhile(a => a is "send" or "listen" or "trace" or "status" or "participants" or "envelope" or "exercise" or "run")]);

    /// <summary>An option's label at the start of a help line: <c>  --as &lt;PARTICIPANT&gt;</c>.</summary>
    [GeneratedRegex("^  -{1,2}[a-z-]+(?:, --[a-z-]+)* (?<value><[^>\n]+>)", RegexOptions.Multiline)]
    private static partial Regex OptionLabel();
}
