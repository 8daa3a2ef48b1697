using System.Text.RegularExpressions;

namespace Article42.Mesh.Cli.Tests;

/// <summary>docs/reference/cli-behaviour.md, "Discovery": every command's help, bare group commands, usage errors.</summary>
public sealed partial class HelpAndUsageTests : IDisposable
{
    /// <summary>The help of every command reached from <c>a42 --help</c> through the Commands sections, by command.</summary>
    private static readonly Lazy<Task<IReadOnlyDictionary<string, string>>> HelpPages = new(WalkHelpAsync);

    private readonly TempDirectory _home = new("a42-help-");

    private string Home => _home.Path;

    public void Dispose() => _home.Dispose();

    /// <summary>Every command the help leads to (<see cref="The_commands_here_are_every_command_the_help_of_a42_leads_to"/> keeps the list whole).</summary>
    public static TheoryData<string> Commands =>
    [
        "", "participants", "keys", "keys init", "keys rotate", "keys revoke", "keys ceiling", "keys publish", "keys revoke-cert", "envelope", "envelope new", "envelope validate", "envelope sign",
        "envelope verify", "mesh", "mesh up", "exercise", "exercise list", "exercise run", "exercise validate", "exercise replay", "exercise pause", "exercise resume",
        "exercise status", "send", "listen", "trace", "status",
        "bench", "context", "context add", "context use", "context list", "context show", "context remove", "completion",
    ];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_command_has_help_that_ends_with_examples_of_itself_and_exits_0(string command)
    {
        var result = await A42Process.RunAsync(Home, [.. Words(command), "--help"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Stderr);
        var path = PathOf(command);
        Assert.StartsWith($"{path}: ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Usage: {path}", result.Stdout, StringComparison.Ordinal);
        var examples = Section(result.Stdout, "Examples");
        Assert.Contains($"\n  {path} ", "\n" + examples, StringComparison.Ordinal);
        // Nothing after the examples but, for a group, the line that leads to its commands' help.
        Assert.Matches($"\nExamples:\n(?:  \\S[^\n]*\n)+(?:\nRun '{Regex.Escape(path)} <COMMAND> --help' for a command's options and examples\\.\n)?\\z", result.Stdout);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_lists_only_dash_h_and_dash_dash_help_and_carries_no_parser_boilerplate(string command)
    {
        var help = (await A42Process.RunAsync(Home, [.. Words(command), "--help"])).Stdout;
        // System.CommandLine's own help option would add -?, /? and /h to the row.
        var row = Assert.Single(Section(help, "Options").Split('\n'), row => row.Contains("--help", StringComparison.Ordinal));
        Assert.Matches(@"^  -h, --help +Show this help\.$", row);
        Assert.DoesNotContain("/?", help, StringComparison.Ordinal);
        Assert.DoesNotContain("[default:", help, StringComparison.Ordinal);
        Assert.DoesNotContain("Description:", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_commands_here_are_every_command_the_help_of_a42_leads_to()
    {
        var reached = (await HelpPages.Value).Keys;
        Assert.Equal(Commands.Select(row => row.Data).Order(), reached.Order());
    }

    [Fact]
    public async Task Every_value_is_named_with_a_word_the_docs_list_and_an_option_names_its_value_the_same_in_every_command()
    {
        var pages = await HelpPages.Value;
        var rows = pages.SelectMany(page => Rows(page.Value, "Options").Concat(Rows(page.Value, "Arguments"))
            .Select(row => ValueLabel().Match(row)).Where(match => match.Success)
            .Select(match => (Command: PathOf(page.Key), Option: match.Groups["option"].Value, Label: match.Groups["value"].Value))).ToList();

        Assert.Equal(DocumentedValueNames().Order(), rows.Select(row => row.Label).Distinct().Order());
        // --as names the one sender (send, envelope sign) or the participants listened to (listen), as the docs say.
        foreach (var option in rows.Where(row => row.Option is not ("" or "--as")).GroupBy(row => row.Option))
            Assert.True(option.Select(row => row.Label).Distinct().Count() == 1, $"{option.Key}: {string.Join(", ", option.Select(row => $"{row.Label} in {row.Command}"))}");
        Assert.Equal(
            [("a42 envelope sign", "<PARTICIPANT>"), ("a42 listen", "<PARTICIPANTS>"), ("a42 send", "<PARTICIPANT>")],
            rows.Where(row => row.Option == "--as").Select(row => (row.Command, row.Label)).Order());
    }

    [Theory]
    [InlineData("")]
    [InlineData("envelope")]
    [InlineData("keys")]
    [InlineData("exercise")]
    [InlineData("mesh")]
    [InlineData("context")]
    public async Task A_bare_a42_or_group_command_prints_its_help_with_its_commands_and_examples_and_exits_0(string command)
    {
        var bare = await A42Process.RunAsync(Home, Words(command));
        Assert.True(bare.ExitCode == 0, bare.ToString());
        Assert.Equal("", bare.Stderr);
        Assert.Equal((await A42Process.RunAsync(Home, [.. Words(command), "--help"])).Stdout, bare.Stdout);
        Assert.NotEmpty(Rows(bare.Stdout, "Commands"));
        Assert.NotEmpty(Rows(bare.Stdout, "Examples"));
    }

    [Fact]
    public async Task A_bare_a42_lists_its_commands()
    {
        var result = await A42Process.RunAsync(Home);
        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var command in new[] { "participants", "keys", "envelope", "mesh", "exercise", "send", "listen", "trace", "status", "bench", "context", "completion" })
            Assert.Contains($"\n  {command} ", result.Stdout, StringComparison.Ordinal);
    }

    /// <summary>The whole of stderr: the documented lines, then the line that says where help is; nothing on stdout.</summary>
    [Theory]
    [InlineData("error A42-CLI-004 a42: unknown command 'sned' (did you mean send?)", "sned")]
    [InlineData("error A42-CLI-004 a42: unknown command 'statsu' (did you mean status?)", "statsu")]
    [InlineData("error A42-CLI-004 a42 envelope: unknown command 'sing' (did you mean sign?)", "envelope", "sing")]
    [InlineData("error A42-CLI-004 a42: unknown command 'frobnicate'", "frobnicate")]
    [InlineData("error A42-CLI-004 a42 send: unknown option --too (did you mean --to?)\nerror A42-CLI-004 a42 send: unexpected argument 'DE'", "send", "--as", "FR", "--too", "DE")]
    [InlineData("error A42-CLI-004 a42 send: unknown option --too (did you mean --to?)", "send", "--too")]
    [InlineData("error A42-CLI-004 a42 send: unknown option --wait (did you mean --wait-delivery?)", "send", "--as", "FR", "--wait")]
    [InlineData("error A42-CLI-004 a42 participants: unknown option --colour", "participants", "--colour")]
    [InlineData("error A42-CLI-004 a42 trace: missing <MSGID>", "trace")]
    [InlineData("error A42-CLI-004 --as: missing: give --as <PARTICIPANTS>", "listen")]
    [InlineData("error A42-CLI-004 --as: no value: give --as <PARTICIPANT>", "send", "--as")]
    [InlineData("error A42-CLI-002 --timeout: expects a whole number of seconds of at least 1, got 'abc'", "send", "--timeout", "abc")]
    [InlineData("error A42-CLI-002 --timeout: expects a whole number of seconds of at least 1, got '0'", "status", "--timeout", "0")]
    [InlineData("error A42-CLI-002 --count: expects a whole number of envelopes of at least 1, got 'x'", "listen", "--as", "DE", "--count", "x")]
    [InlineData("error A42-CLI-002 --seed: expects a whole number, got '4.2'", "exercise", "run", "hybrid-island", "--seed", "4.2")]
    public async Task A_usage_error_says_what_is_wrong_in_one_line_each_and_exits_2(string expected, params string[] args)
    {
        var result = await A42Process.RunAsync(Home, args);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"{expected}\nRun '{UsagePath(args)} --help' for usage and examples.\n", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Theory]
    [InlineData("send", "send", "--too", "--help")]
    [InlineData("listen", "listen", "--count", "x", "--help")]
    [InlineData("status", "status", "--timeout", "0", "--colour", "--help")]
    public async Task Help_is_printed_even_when_the_rest_of_the_line_is_wrong(string command, params string[] args)
    {
        var result = await A42Process.RunAsync(Home, args);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Stderr);
        Assert.Equal((await A42Process.RunAsync(Home, command, "--help")).Stdout, result.Stdout);
    }

    private static async Task<IReadOnlyDictionary<string, string>> WalkHelpAsync()
    {
        using var home = new TempDirectory("a42-help-walk-");
        var pages = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var pending = new Queue<string>([""]);
        while (pending.TryDequeue(out var command))
        {
            var help = await A42Process.RunAsync(home.Path, [.. Words(command), "--help"]);
            Assert.True(help.ExitCode == 0, help.ToString());
            pages[command] = help.Stdout;
            foreach (var row in Rows(help.Stdout, "Commands"))
                pending.Enqueue(string.Join(' ', [.. Words(command), row.Split(' ')[0]]));
        }
        return pages;
    }

    /// <summary>The values cli-behaviour.md lists where it says how values are named.</summary>
    private static IEnumerable<string> DocumentedValueNames()
    {
        var page = File.ReadAllText(Repository.File("docs/reference/cli-behaviour.md"));
        var start = page.IndexOf("Values are named by what they are", StringComparison.Ordinal);
        var end = page.IndexOf("Defaults are said once", start, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "cli-behaviour.md no longer says how values are named");
        return DocumentedValue().Matches(page[start..end]).Select(match => match.Groups["value"].Value).Distinct();
    }

    /// <summary>The text of a help section, from the line after its title to the blank line that ends it.</summary>
    private static string Section(string help, string title)
    {
        var at = help.IndexOf($"\n{title}:\n", StringComparison.Ordinal);
        Assert.True(at >= 0, $"no {title} section in:\n{help}");
        var body = help[(at + title.Length + 3)..];
        var end = body.IndexOf("\n\n", StringComparison.Ordinal);
        return end < 0 ? body : body[..(end + 1)];
    }

    private static IEnumerable<string> Rows(string help, string title) =>
        help.Contains($"\n{title}:\n", StringComparison.Ordinal)
            ? Section(help, title).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(row => row.TrimStart())
            : [];

    private static string[] Words(string command) => command.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string PathOf(string command) => string.Join(' ', ["a42", .. Words(command)]);

    private static string UsagePath(string[] args) =>
        string.Join(' ', ["a42", .. args.TakeWhile(a => a is "send" or "listen" or "trace" or "status" or "participants" or "envelope" or "exercise" or "run")]);

    /// <summary>A help row's value: <c>--as &lt;PARTICIPANT&gt;</c> (option <c>--as</c>) or an argument's <c>&lt;FILE&gt;</c> (no option).</summary>
    [GeneratedRegex("^(?:(?:-{1,2}[a-z-]+, )*(?<option>--[a-z-]+) )?(?<value><[^>\n]+>)  ")]
    private static partial Regex ValueLabel();

    [GeneratedRegex("`(?<value><[^`]+>)`")]
    private static partial Regex DocumentedValue();
}
