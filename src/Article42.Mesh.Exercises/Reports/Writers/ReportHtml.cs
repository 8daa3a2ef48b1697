using System.Xml.Linq;

namespace Article42.Mesh.Exercises;

/// <summary>
/// <c>report.html</c>: one self-contained page (no scripts, fonts or stylesheets from anywhere) with inline SVG
/// charts and the gaps table (<c>id="gaps"</c>). Built as XHTML with System.Xml.Linq, so it is always well-formed.
/// </summary>
public static class ReportHtml
{
    private static readonly XNamespace X = "http://www.w3.org/1999/xhtml";

    private const string Style = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:960px;color:#1d2430;padding:0 1rem}
        h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d6dbe3}
        table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d6dbe3;padding:.25rem .5rem;text-align:left;vertical-align:top}
        th{background:#eef1f6}.banner{background:#a4161a;color:#fff;font-weight:700;text-align:center;padding:.3rem;letter-spacing:.1em}
        .label{font-size:11px;fill:#1d2430}.tick{font-size:10px;fill:#5b6472}.axis,.lane{stroke:#c3cad5;stroke-width:1}.slo{stroke:#a4161a;stroke-dasharray:4 3}
        .bar.ok{fill:#2e7d32}.bar.late{fill:#e65100}.bar.missing{fill:#a4161a;opacity:.35}.bar.decision{fill:#1565c0}.bar.commit{fill:#6a1b9a}
        .dot.ack{fill:#90a4ae}.dot.inject{fill:#000}.dot.offer{fill:#1565c0}.dot.key{fill:#a4161a}.dot.other{fill:#2e7d32}
        .series{fill:none;stroke-width:2}.s0{stroke:#1565c0;fill:#1565c0}.s1{stroke:#e65100;fill:#e65100}.s2{stroke:#2e7d32;fill:#2e7d32}.s3{stroke:#6a1b9a;fill:#6a1b9a}
        path.series{fill:none}
        """;

    public static string Write(ExerciseReport report)
    {
        var f = report.Figures;
        var body = new XElement(X + "body",
            new XElement(X + "div", new XAttribute("class", "banner"), "EXERCISE EXERCISE EXERCISE"),
            new XElement(X + "h1", $"After-action report: {f.Exercise.Name}"),
            new XElement(X + "p", $"Exercise {f.Exercise.Id} ({Fmt.Wire(f.Exercise.Mode)}), scenario {f.Exercise.Source}, seed {f.Exercise.Seed}, compression {f.Exercise.Compression}×, " +
                $"ENDEX {Fmt.T(f.Exercise.EndexSeconds)}; {f.Exercise.Players} players, {f.Exercise.MessagesSent} messages, {f.Gaps.Length} gaps. Times are on the scenario clock."),
            Section($"Objectives{Fmt.Mark(f, "objectives")}", Table(["objective", "points", "%", "rating"],
                f.Objectives.Select(o => Row($"{o.Id} {o.Title}", $"{Fmt.N(o.Earned)} / {o.Possible}", Fmt.N(o.Percent), o.Rating.ToString())))),
            Section($"Gaps{Fmt.Mark(f, "gaps")}", Gaps(f)),
            Section($"Timeline{Fmt.Mark(f, "timeline")}", Charts.Timeline(f, Lanes(f))),
            Section($"Acknowledgement latency against the SLO{Fmt.Mark(f, "acknowledgements")}", Charts.AckLatency(f)),
            Section($"RFA coverage over time{Fmt.Mark(f, "rfas")}", Charts.Coverage(f), Table(["RFA / line", "category", "requested", "accepted", "committed", "state"],
                f.Rfas.SelectMany(r => r.Lines.Select(l => Row($"{r.RfaId}/{l.LineId}", l.CategoryCode, $"{l.Requested}", $"{l.Accepted}", $"{l.Committed}", l.State.ToString()))))),
            Section($"Decision latency{Fmt.Mark(f, "offers")}", Charts.DecisionLatency(f)),
            Section($"Activations{Fmt.Mark(f, "activations")}", Table(["activation", "invoker", "invoked", "all acknowledged after", "not acknowledged", "first solidarity after"],
                f.Activations.Select(a => Row(a.ActivationId, a.Invoker, Fmt.T(a.InvokedAtSeconds), Fmt.D(a.AllAcknowledgedSeconds), string.Join(", ", a.NotAcknowledged), Fmt.D(a.FirstSolidaritySeconds))))),
            Section("Run", new XElement(X + "p",
                $"Host {report.Run.Host}, profile {report.Run.MeshProfile}, {Fmt.N(report.Run.WallSeconds)} s real; {report.Run.Submitted} submitted, {report.Run.Delivered} delivered, {report.Run.NotDelivered} not delivered."),
                Table(["precedence", "deliveries", "p50 ms", "p95 ms", "p99 ms", "max ms", "SLO ms"],
                    report.Run.Delivery.Select(l => Row(Fmt.Wire(l.Precedence), $"{l.Count}", Fmt.N(l.P50), Fmt.N(l.P95), Fmt.N(l.P99), Fmt.N(l.Max), l.SloMilliseconds is { } s ? Fmt.N(s) : "—")))));
        var html = new XElement(X + "html", new XAttribute("lang", "en"),
            new XElement(X + "head",
                new XElement(X + "meta", new XAttribute("charset", "utf-8")),
                new XElement(X + "title", $"AAR {f.Exercise.Id}"),
                new XElement(X + "style", Style)),
            body);
        // An HTML parser reads <tbody/> as an open tag: give every empty HTML element but meta an end tag.
        foreach (var empty in html.Descendants().Where(e => e.Name.Namespace == X && e.IsEmpty && e.Name != X + "meta"))
            empty.Value = "";
        return "<!DOCTYPE html>\n" + html.ToString(SaveOptions.DisableFormatting) + "\n";
    }

    private static IEnumerable<string> Lanes(ReportFigures f) =>
        f.Timeline.Select(e => e.Participant).Distinct().OrderBy(p => p == ScenarioLoader.Excon ? 0 : 1).ThenBy(p => f.Timeline.First(e => e.Participant == p).Seconds).ThenBy(p => p, StringComparer.Ordinal)
            .Concat(f.Participation.Silent);

    private static XElement Gaps(ReportFigures f) =>
        new(X + "table", new XAttribute("id", "gaps"),
            new XElement(X + "thead", Row(true, "id", "kind", "subject", "deadline", "gap")),
            new XElement(X + "tbody", f.Gaps.Select(g => Row(g.Id, Fmt.Words(g.Kind), g.Subject, Fmt.T(g.DeadlineSeconds), g.Text))));

    private static XElement Section(string title, params object[] content) => new(X + "section", new XElement(X + "h2", title), content);

    private static XElement Table(string[] headings, IEnumerable<XElement> rows) =>
        new(X + "table", new XElement(X + "thead", Row(true, headings)), new XElement(X + "tbody", rows));

    private static XElement Row(params string[] cells) => Row(false, cells);

    private static XElement Row(bool heading, params string[] cells) =>
        new(X + "tr", cells.Select(c => new XElement(X + (heading ? "th" : "td"), c)));
}
