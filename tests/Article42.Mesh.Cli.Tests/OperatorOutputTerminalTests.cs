using System.Text.Json;
using System.Text.RegularExpressions;

namespace Article42.Mesh.Cli.Tests;

/// <summary>
/// docs/reference/cli-behaviour.md, "Output piped and on a terminal": <c>status</c> and <c>trace</c> print plain text
/// columns, the same on a terminal as into a pipe (no table, no escape code), against a real <c>a42 mesh up</c>.
/// </summary>
public sealed partial class OperatorOutputTerminalTests(BenchMeshFixture mesh) : IClassFixture<BenchMeshFixture>
{
    private const int TerminalColumns = 100;

    // .NET's console switches a terminal's keypad to application mode when a program starts on it (terminfo's
    // keypad_xmit) and back when it ends, whatever the program prints: the runtime's, not a42's output.
    private const string KeypadTransmit = "\u001b[?1h\u001b=";
    private const string KeypadLocal = "\u001b[?1l\u001b>";

    [Fact]
    public async Task Trace_and_status_print_on_a_terminal_exactly_what_they_print_into_a_pipe()
    {
        var sent = await A42Async("send", "--as", "FR", "--to", "DE", "--kind", "SITREP", "--wait-delivery");
        Assert.True(sent.ExitCode == 0, sent.ToString());
        var messageId = JsonDocument.Parse(sent.Stdout.Split('\n')[0]).RootElement.GetProperty("msg_id").GetString()!;

        var piped = await A42Async("trace", messageId);
        Assert.True(piped.ExitCode == 0, piped.ToString());
        var trace = piped.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal($"message  {messageId} from FR, UNCLASSIFIED", trace[0]);
        Assert.Contains("recipient    delivered                 handed  acknowledged              receipt                   note", trace);
        Assert.Contains(trace, line => line.StartsWith("DE           20", StringComparison.Ordinal));
        var traceOnTerminal = await OnTerminalAsync("trace", messageId);
        AssertPlain(traceOnTerminal);
        Assert.Equal(piped.Stdout, traceOnTerminal);

        // The status's own time and the age of DE's unacknowledged message move between two runs; nothing else does.
        var status = await A42Async("status");
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("participant  gateway  last seen                 backlog  oldest unacked", status.Stdout, StringComparison.Ordinal);
        Assert.Contains(status.Stdout.Split('\n'), line => line.StartsWith("DE           -        ", StringComparison.Ordinal) && line.EndsWith(" s", StringComparison.Ordinal));
        var statusOnTerminal = await OnTerminalAsync("status");
        AssertPlain(statusOnTerminal);
        Assert.Equal(WithoutClockReadings(status.Stdout), WithoutClockReadings(statusOnTerminal));
    }

    private Task<CliResult> A42Async(params string[] args) => A42Process.RunAsync(mesh.Home, [.. args, "--gateway", mesh.Gateway]);

    private async Task<string> OnTerminalAsync(params string[] args)
    {
        var result = await A42Process.RunOnTerminalAsync(mesh.Home, TerminalColumns, [.. args, "--gateway", mesh.Gateway]);
        if (result is null)
            Assert.Skip("util-linux 'script' is not installed: no pseudo-terminal to run a42 on");
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Stdout.Replace(KeypadTransmit, "", StringComparison.Ordinal).Replace(KeypadLocal, "", StringComparison.Ordinal);
    }

    /// <summary>What the terminal showed is text alone: no escape code and no table border, whatever the terminal.</summary>
    private static void AssertPlain(string shown)
    {
        Assert.DoesNotContain('\u001b', shown);
        Assert.DoesNotContain(shown, c => c is >= '\u2500' and <= '\u257f');
    }

    private static string WithoutClockReadings(string status) => Age().Replace(StatusTime().Replace(status, "mesh at TIME:"), "AGE s");

    [GeneratedRegex(@"^mesh at \S+:", RegexOptions.Multiline)]
    private static partial Regex StatusTime();

    [GeneratedRegex(@"\b\d+ s$", RegexOptions.Multiline)]
    private static partial Regex Age();
}
