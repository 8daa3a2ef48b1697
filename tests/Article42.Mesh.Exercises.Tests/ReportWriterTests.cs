using System.Xml.Linq;

namespace Article42.Mesh.Exercises.Tests;

public sealed class ReportWriterTests
{
    private static readonly Scenario Small = ScenarioLoader.Parse(TestScenarios.Small, "small.yaml");
    private static readonly XNamespace Html = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static ExerciseReport Report(ExerciseObservations observations) => ExerciseReport.Create(Small, SimulationPlan.Create(Small, 7), observations);

    [Fact]
    public void Report_json_figures_are_identical_for_identical_scenario_time_facts_whatever_the_run()
    {
        var first = Report(HandObservations.Create("host-a", realJitterMs: 0));
        var second = Report(HandObservations.Create("host-b", realJitterMs: 37));
        Assert.Equal(ReportJson.WriteFigures(first.Figures), ReportJson.WriteFigures(second.Figures));
        Assert.NotEqual(ReportJson.Write(first), ReportJson.Write(second));
    }

    [Fact]
    public void Report_json_has_two_snake_case_parts_with_protocol_wire_names()
    {
        using var json = System.Text.Json.JsonDocument.Parse(ReportJson.Write(Report(HandObservations.Create())));
        var root = json.RootElement;
        Assert.Equal(["figures", "run"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("FLASH", root.GetProperty("figures").GetProperty("acknowledgements")[0].GetProperty("precedence").GetString());
        Assert.Equal("receipt_missing", root.GetProperty("figures").GetProperty("gaps")[0].GetProperty("kind").GetString());
        Assert.Equal("test-host", root.GetProperty("run").GetProperty("host").GetString());
        Assert.Equal(2, root.GetProperty("run").GetProperty("delivery")[0].GetProperty("count").GetInt32());
    }

    [Fact]
    public void Report_html_is_well_formed_self_contained_with_four_charts_and_the_gaps_table()
    {
        var report = Report(HandObservations.Create());
        var html = ReportHtml.Write(report);
        var document = XDocument.Parse(html);
        var charts = document.Descendants(Svg + "svg").Select(s => (string?)s.Attribute("data-chart")).ToList();
        Assert.Equal(["timeline", "ack-latency", "rfa-coverage", "decision-latency"], charts);
        var gaps = Assert.Single(document.Descendants(Html + "table"), t => (string?)t.Attribute("id") == "gaps");
        Assert.Equal(report.Figures.Gaps.Length, gaps.Element(Html + "tbody")!.Elements(Html + "tr").Count());
        Assert.Empty(document.Descendants(Html + "script"));
        Assert.Empty(document.Descendants(Html + "link"));
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        // One timeline dot per accepted message; HU has a lane although it sent nothing.
        Assert.Equal(report.Figures.Timeline.Length, document.Descendants(Svg + "circle").Count());
        Assert.Contains(document.Descendants(Svg + "text"), t => t.Value == "HU");
    }

    [Fact]
    public void Report_markdown_and_console_summary_list_the_gaps()
    {
        var report = Report(HandObservations.Create());
        var markdown = ReportMarkdown.Write(report);
        Assert.Contains("## Gaps", markdown, StringComparison.Ordinal);
        Assert.Contains("- **G04** (line uncovered, deadline T+02:00): ", markdown, StringComparison.Ordinal);
        Assert.Contains("| OBJ-1 Acknowledge the invocation in time | 10 / 30 | 33.3 | U |", markdown, StringComparison.Ordinal);
        var console = ConsoleSummary.Write(report);
        Assert.StartsWith("ENDEX EX-SMALL", console, StringComparison.Ordinal);
        Assert.Contains("gaps 7", console, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dry_run_report_of_a_shipped_scenario_renders_in_every_format()
    {
        var scenario = ShippedScenarios.Find("hybrid-island")!.Load();
        var plan = SimulationPlan.Create(scenario, 3);
        var report = ExerciseReport.Create(scenario, plan, DryRun.Observe(plan, HandObservations.Startex));
        Assert.Equal(4, XDocument.Parse(ReportHtml.Write(report)).Descendants(Svg + "svg").Count());
        Assert.NotEmpty(ReportMarkdown.Write(report));
        Assert.Equal(ReportJson.WriteFigures(report.Figures),
            ReportJson.WriteFigures(ExerciseReport.Create(scenario, plan, DryRun.Observe(SimulationPlan.Create(scenario, 3), HandObservations.Startex.AddHours(5), "elsewhere")).Figures));
    }
}
