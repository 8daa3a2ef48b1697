using System.Text.Json;

namespace Article42.Mesh.Cli.Tests;

/// <summary>Listings and progress: plain text into a pipe, Spectre's tables and progress on a terminal, JSON on request.</summary>
public sealed class OutputTests
{
    private static readonly string Home = Directory.CreateTempSubdirectory("a42-output-").FullName;
    private static readonly char[] BoxDrawing = ['─', '│', '┌', '┐', '└', '┘', '├', '┼', '╭', '╰'];

    [Fact]
    public async Task Participants_into_a_pipe_is_one_plain_line_per_participant_with_nothing_cut()
    {
        var result = await A42Process.RunAsync(Home, "participants");
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(51, lines.Length);
        Assert.Matches("^Id +ISO +Name +Kind +NATO +Accreditation +Key$", lines[0]);
        var longest = (await A42Process.RunAsync(Home, "participants", "--json")).Stdout is var json
            ? JsonDocument.Parse(json).RootElement.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).MaxBy(n => n.Length)!
            : "";
        Assert.Contains(lines, line => line.Contains($"  {longest}  ", StringComparison.Ordinal));
        Assert.Matches("^CERT-EU +- +Cybersecurity", lines.Single(l => l.StartsWith("CERT-EU", StringComparison.Ordinal)));
        Assert.DoesNotContain(result.Stdout, c => BoxDrawing.Contains(c) || c == '…' || c == '\u001b');
    }

    [Fact]
    public async Task Exercise_list_into_a_pipe_is_plain_and_as_json_names_every_scenario()
    {
        var plain = await A42Process.RunAsync(Home, "exercise", "list");
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.Matches("^Name +Description\n", plain.Stdout);
        Assert.DoesNotContain(plain.Stdout, c => BoxDrawing.Contains(c) || c == '…');

        var json = await A42Process.RunAsync(Home, "exercise", "list", "--json");
        Assert.True(json.ExitCode == 0, json.ToString());
        using var document = JsonDocument.Parse(json.Stdout);
        var names = document.RootElement.GetProperty("scenarios").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Equal(["cross-border-incursion", "cyber-critical-infrastructure", "hybrid-island", "dual-invocation"], names);
        foreach (var name in names)
            Assert.Contains($"\n{name} ", plain.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Participants_on_a_terminal_is_a_table_with_borders()
    {
        var result = await A42Process.RunOnTerminalAsync(Home, "participants");
        if (result is null)
            Assert.Skip("util-linux 'script' is not installed: no pseudo-terminal to run a42 on");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("┌─", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("│ CERT-EU", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exercise_progress_into_a_pipe_is_plain_lines_and_on_a_terminal_is_spectre_progress()
    {
        var home = Directory.CreateTempSubdirectory("a42-exercise-").FullName;
        string[] run = ["exercise", "run", "hybrid-island", "--speed", "20000", "--out", Path.Combine(home, "aar")];
        var piped = await A42Process.RunAsync(home, run);
        Assert.True(piped.ExitCode == 0, piped.ToString());
        Assert.Contains("\n  T+00:00:00/02:30  injects 0/", piped.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', piped.Stdout);

        var terminal = await A42Process.RunOnTerminalAsync(home, run);
        if (terminal is null)
            Assert.Skip("util-linux 'script' is not installed: no pseudo-terminal to run a42 on");
        Assert.True(terminal.ExitCode == 0, terminal.ToString());
        Assert.Contains("%", terminal.Stdout, StringComparison.Ordinal); // Spectre's percentage column
        Assert.DoesNotContain("\n  T+00:00:00", terminal.Stdout, StringComparison.Ordinal);
        Assert.Contains("report ", terminal.Stdout, StringComparison.Ordinal);
    }
}
