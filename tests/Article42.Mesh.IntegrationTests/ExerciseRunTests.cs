using System.Text.Json;
using System.Xml.Linq;

namespace Article42.Mesh.IntegrationTests;

public sealed class ExerciseRunTests
{
    [Fact]
    public async Task An_exercise_runs_on_an_embedded_mesh_writes_its_report_and_the_same_seed_gives_the_same_figures()
    {
        using var home = new TempHome();
        var first = await RunAsync(home, "first");
        var second = await RunAsync(home, "second");

        using var one = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(first, "report.json"), TestContext.Current.CancellationToken));
        using var two = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(second, "report.json"), TestContext.Current.CancellationToken));
        Assert.True(JsonElement.DeepEquals(one.RootElement.GetProperty("figures"), two.RootElement.GetProperty("figures")), "the figures differ between two runs with seed 7");
        Assert.True(one.RootElement.GetProperty("run").TryGetProperty("host", out _));

        var html = XDocument.Parse(await File.ReadAllTextAsync(Path.Combine(first, "report.html"), TestContext.Current.CancellationToken));
        Assert.Contains(html.Descendants(), e => e.Name.LocalName == "svg" && (string?)e.Attribute("data-chart") == "ack-latency");
        Assert.Contains(html.Descendants(), e => e.Name.LocalName == "table" && (string?)e.Attribute("id") == "gaps");
        // A real browser builds the same page: both charts and the gaps table are in its DOM.
        var dom = await HeadlessChromium.DumpDomAsync(Path.Combine(first, "report.html"), TimeSpan.FromSeconds(60));
        Assert.Contains("data-chart=\"ack-latency\"", dom, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"timeline\"", dom, StringComparison.Ordinal);
        Assert.Contains("<table id=\"gaps\"", dom, StringComparison.Ordinal);
        var markdown = await File.ReadAllTextAsync(Path.Combine(first, "report.md"), TestContext.Current.CancellationToken);
        Assert.Contains("HU", markdown, StringComparison.Ordinal);
        Assert.Contains("MED.EMT3", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_scenario_is_refused_with_exit_2_and_the_list_of_shipped_ones()
    {
        using var home = new TempHome();
        await using var run = SiloProcess.Start("a42 exercise run", "a42.dll", home.Path, ["exercise", "run", "no-such-scenario"]);
        Assert.Equal(2, await run.ExitedAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains(run.Errors, line => line.Contains("A42-CLI-001", StringComparison.Ordinal) && line.Contains("cross-border-incursion", StringComparison.Ordinal));
    }

    private static async Task<string> RunAsync(TempHome home, string name)
    {
        var output = Path.Combine(home.Path, name);
        await using var run = SiloProcess.Start($"a42 exercise run ({name})", "a42.dll", home.Path,
            ["exercise", "run", "cross-border-incursion", "--speed", "900", "--seed", "7", "--out", output]);
        Assert.True(0 == await run.ExitedAsync(TimeSpan.FromSeconds(120)), run.Describe());
        Assert.Contains(run.Output, line => line.StartsWith("report ", StringComparison.Ordinal));
        return output;
    }
}
