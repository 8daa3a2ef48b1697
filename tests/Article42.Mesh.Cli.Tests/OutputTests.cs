using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Article42.Mesh.Cli.Tests;

/// <summary>
/// docs/reference/cli-behaviour.md, "Output piped and on a terminal": listings and progress as plain text into a pipe,
/// Spectre's tables and progress on a terminal, JSON on request.
/// </summary>
public sealed partial class OutputTests : IDisposable
{
    private const int TerminalColumns = 100;

    // An exercise run starts an embedded silo and plays 404 messages: 39 s at a load average of 36 on this 2-core
    // machine, past the 60 s guard of a quick command at 60. A hang guard (scaled like every wait), not a speed claim.
    private static readonly TimeSpan ExerciseRunLimit = TimeSpan.FromMinutes(3);
    private static readonly char[] BoxDrawing = ['─', '│', '┌', '┐', '└', '┘', '├', '┼', '╭', '╰'];

    private readonly TempDirectory _home = new("a42-output-");

    private string Home => _home.Path;

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task Participants_into_a_pipe_is_the_registry_in_plain_columns_a_line_each_nothing_cut_as_the_docs_show()
    {
        var result = await A42Process.RunAsync(Home, "participants");
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(51, lines.Length);
        Assert.DoesNotContain(result.Stdout, c => BoxDrawing.Contains(c) || c == '…' || c == '\u001b');
        Assert.All(DocumentedListing(), line => Assert.Contains(line, lines));

        // Every cell whole, in the header's columns, an empty one '-'.
        using var registry = JsonDocument.Parse((await A42Process.RunAsync(Home, "participants", "--json")).Stdout);
        var participants = registry.RootElement.GetProperty("participants").EnumerateArray().ToList();
        Assert.Equal(["Id", "ISO", "Name", "Kind", "NATO", "Accreditation", "Key"], Cells(lines[0], lines[0]));
        Assert.Equal(
            participants.Select(p => new[]
            {
                p.GetProperty("id").GetString()!, p.TryGetProperty("iso_code", out var iso) ? iso.GetString()! : "-",
                p.GetProperty("name").GetString()!, p.GetProperty("kind").GetString()!, p.GetProperty("nato").GetBoolean() ? "yes" : "no",
                p.GetProperty("accreditation_max").GetString()!, "-",
            }),
            lines.Skip(1).Select(line => Cells(lines[0], line)));
    }

    [Fact]
    public async Task Exercise_list_into_a_pipe_is_plain_columns_with_whole_descriptions_and_as_json_names_every_scenario()
    {
        var plain = await A42Process.RunAsync(Home, "exercise", "list");
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.DoesNotContain(plain.Stdout, c => BoxDrawing.Contains(c) || c == '…' || c == '\u001b');

        var json = await A42Process.RunAsync(Home, "exercise", "list", "--json");
        Assert.True(json.ExitCode == 0, json.ToString());
        using var document = JsonDocument.Parse(json.Stdout);
        var scenarios = document.RootElement.GetProperty("scenarios").EnumerateArray()
            .Select(s => new[] { s.GetProperty("name").GetString()!, s.GetProperty("description").GetString()! }).ToList();
        Assert.Equal(["cross-border-incursion", "cyber-critical-infrastructure", "hybrid-island", "dual-invocation"], scenarios.Select(s => s[0]));
        Assert.All(scenarios, s => Assert.True(s[1].Length > 20, s[1]));

        var lines = plain.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(["Name", "Description"], Cells(lines[0], lines[0]));
        Assert.Equal(scenarios, lines.Skip(1).Select(line => Cells(lines[0], line)));
    }

    [Theory]
    [InlineData("│ CERT-EU ", "participants")]
    [InlineData("│ hybrid-island ", "exercise", "list")]
    public async Task A_listing_on_a_terminal_is_a_table_with_borders_fitted_to_the_terminals_width(string row, params string[] args)
    {
        var result = await A42Process.RunOnTerminalAsync(Home, TerminalColumns, args);
        if (result is null)
            Assert.Skip("util-linux 'script' is not installed: no pseudo-terminal to run a42 on");
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = EscapeCode().Replace(result.Stdout, "").TrimEnd('\n').Split('\n');
        Assert.StartsWith("┌─", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("└─", lines[^1], StringComparison.Ordinal);
        Assert.Contains(lines, line => line.StartsWith(row, StringComparison.Ordinal));
        Assert.All(lines, line => Assert.True(line.Length <= TerminalColumns, $"{line.Length} columns on a terminal of {TerminalColumns}: {line}"));
    }

    [Fact]
    public async Task Exercise_progress_into_a_pipe_is_a_plain_line_at_most_once_a_second()
    {
        using var exercise = new TempDirectory("a42-exercise-");
        var clock = Stopwatch.StartNew();
        var piped = await A42Process.RunWithinAsync(exercise.Path, ExerciseRunLimit, ExerciseRun(exercise.Path));
        var seconds = clock.Elapsed.TotalSeconds;
        Assert.True(piped.ExitCode == 0, piped.ToString());
        Assert.DoesNotContain('\u001b', piped.Stdout);
        var progress = piped.Stdout.Split('\n').Where(line => line.StartsWith("  T+", StringComparison.Ordinal)).ToList();
        Assert.StartsWith("  T+00:00:00/02:30  injects 0/", progress[0], StringComparison.Ordinal);
        Assert.All(progress, line => Assert.Matches(PlainProgress(), line));
        // At most one a second: the run's whole time, rounded up, and its first line at once. A slower machine allows
        // more lines, never fewer, so load cannot fail this; without the throttle a run prints one per step (hundreds).
        Assert.True(progress.Count <= (int)Math.Ceiling(seconds) + 1, $"{progress.Count} progress lines in {seconds:F1} s:\n{piped.Stdout}");
    }

    [Fact]
    public async Task Exercise_progress_on_a_terminal_is_spectre_progress_not_the_plain_lines()
    {
        using var exercise = new TempDirectory("a42-exercise-");
        var terminal = await A42Process.RunOnTerminalWithinAsync(exercise.Path, TerminalColumns, ExerciseRunLimit, ExerciseRun(exercise.Path));
        if (terminal is null)
            Assert.Skip("util-linux 'script' is not installed: no pseudo-terminal to run a42 on");
        Assert.True(terminal.ExitCode == 0, terminal.ToString());
        // Spectre on a terminal it does not judge interactive: the task's description and its percentage, as lines.
        var shown = EscapeCode().Replace(terminal.Stdout, "").Split('\n');
        Assert.Contains(shown, line => SpectreProgress().IsMatch(line));
        Assert.DoesNotContain(shown, line => line.StartsWith("  T+", StringComparison.Ordinal));
        Assert.Contains(shown, line => line.StartsWith("report ", StringComparison.Ordinal));
    }

    private static string[] ExerciseRun(string home) => ["exercise", "run", "hybrid-island", "--speed", "20000", "--out", Path.Combine(home, "aar")];

    /// <summary>The lines of the piped participants listing that cli-behaviour.md shows (its sample, not the '...').</summary>
    private static IEnumerable<string> DocumentedListing()
    {
        var page = File.ReadAllText(Repository.File("docs/reference/cli-behaviour.md"));
        var sample = page[page.IndexOf("\nId          ISO", StringComparison.Ordinal)..];
        var lines = sample[1..sample.IndexOf("\n```", StringComparison.Ordinal)].Split('\n').Where(line => line != "...").ToList();
        Assert.Equal(3, lines.Count);
        return lines;
    }

    /// <summary>A plain line's cells: each starts where its header does, after two spaces at least, and runs to the next.</summary>
    private static string[] Cells(string header, string line)
    {
        var starts = HeaderCell().Matches(header).Select(match => match.Index).Append(int.MaxValue).ToArray();
        return [.. starts.SkipLast(1).Select((start, column) =>
        {
            Assert.True(start == 0 || line.Substring(start - 2, 2) == "  ", $"no two spaces before column {column}: {line}");
            var end = Math.Min(starts[column + 1], line.Length);
            return line[start..end].TrimEnd();
        })];
    }

    [GeneratedRegex(@"\S+(?: \S+)*")]
    private static partial Regex HeaderCell();

    [GeneratedRegex(@"\u001b(?:\[[0-9;?]*[A-Za-z]|[=>])")]
    private static partial Regex EscapeCode();

    [GeneratedRegex(@"^  T\+\d\d:\d\d:\d\d/02:30  injects \d+/\d+  sent \d+ \(refused \d+\)  delivered \d+  fetched \d+$")]
    private static partial Regex PlainProgress();

    [GeneratedRegex(@"^T\+\d\d:\d\d:\d\d/02:30  injects \d+/\d+  sent \d+ \(refused \d+\)  delivered \d+  fetched \d+: \d+%$")]
    private static partial Regex SpectreProgress();
}
