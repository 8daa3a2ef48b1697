using System.Globalization;
using System.Text;

namespace Article42.Mesh.Exercises;

/// <summary><c>report.md</c>: the summary, the objectives, the headline figures and the gaps, for a hot wash.</summary>
public static class ReportMarkdown
{
    public static string Write(ExerciseReport report)
    {
        var f = report.Figures;
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');
        Line($"# After-action report: {f.Exercise.Name}");
        Line();
        Line($"Exercise `{f.Exercise.Id}` ({Fmt.Wire(f.Exercise.Mode)}), scenario `{f.Exercise.Source}`, threat `{Fmt.Wire(f.Exercise.Threat)}`, seed {f.Exercise.Seed}, " +
             $"compression {f.Exercise.Compression}×, ENDEX {Fmt.T(f.Exercise.EndexSeconds)}. {f.Exercise.Players} players, {f.Exercise.MessagesSent} messages accepted, " +
             $"{f.Exercise.MessagesRefused} refused, {f.Gaps.Length} gaps. Times are on the scenario clock (T+ from STARTEX).");
        if (f.TimingDependent.ContainsValue(true))
        {
            Line();
            Line($"Sections marked {Fmt.TimingMark} depend on the mesh's timing: the players reacted to what arrived when it arrived; the same arrival log gives the same figures.");
        }
        Line();
        Line($"## Summary{Fmt.Mark(f, "activations")}");
        Line();
        foreach (var activation in f.Activations)
        {
            Line($"- **{activation.ActivationId}** invoked by {activation.Invoker} at {Fmt.T(activation.InvokedAtSeconds)}: all member states acknowledged after " +
                 $"{(activation.AllAcknowledgedSeconds is null ? $"— (missing: {string.Join(", ", activation.NotAcknowledged)})" : Fmt.D(activation.AllAcknowledgedSeconds))}; " +
                 $"first solidarity statement after {Fmt.D(activation.FirstSolidaritySeconds)}.");
        }
        foreach (var rfa in f.Rfas)
            Line($"- **{rfa.RfaId}** ({rfa.ActivationId}) at {Fmt.T(rfa.PublishedSeconds)}: first offer after {Fmt.D(rfa.FirstOfferSeconds)}, coverage at ENDEX {Fmt.Percent(rfa.CoverageAtEndex)}, fully covered after {Fmt.D(rfa.FullyCoveredSeconds)}.");
        var decided = f.Offers.Where(o => o.DecisionLatencySeconds is not null).Select(o => o.DecisionLatencySeconds!.Value).Order().ToList();
        Line($"- Offers: {f.Offers.Length}; decided {decided.Count}; median decision latency {(decided.Count == 0 ? "—" : Fmt.D(decided[(decided.Count - 1) / 2]))}.");
        Line($"- Participation: {f.Participation.Responding} of {f.Participation.Players} players ({Fmt.Percent(f.Participation.Rate)}){(f.Participation.Silent.IsEmpty ? "" : $"; silent: {string.Join(", ", f.Participation.Silent)}")}.");
        Line($"- Escalations (receipts missing at 50 % / 100 % of SLO): {f.Escalations}. Dead letters: {f.DeadLetters.Length}. Unanswered RFIs: {f.Rfis.Count(r => r.TurnaroundSeconds is null)}. Precedence inflation: {f.PrecedenceInflation.Sum(p => p.Count)}.");
        foreach (var link in f.DegradedLinks)
            Line($"- Degraded link of {link.Participant} {Fmt.T(link.From)}–{Fmt.T(link.To)}: {link.Crossed.Length} messages crossed it, {link.Lost.Length} lost and resent, {link.LateReceipts.Length} receipts late{Fmt.Mark(f, "degraded_links")}.");
        Line($"- Reminders (missing receipts the originator chased): {f.Reminders.Sent} sent, {f.Reminders.Answered} answered.");
        Line();
        Line($"## Objectives{Fmt.Mark(f, "objectives")}");
        Line();
        Line("| objective | points | % | rating |");
        Line("|---|---|---|---|");
        foreach (var o in f.Objectives)
            Line($"| {o.Id} {o.Title} | {Fmt.N(o.Earned)} / {o.Possible} | {Fmt.N(o.Percent)} | {o.Rating} |");
        Line();
        Line($"## Acknowledgements against the receipt SLO{Fmt.Mark(f, "acknowledgements")}");
        Line();
        Line("| participant | precedence | owed | received | on time | median | worst | SLO |");
        Line("|---|---|---|---|---|---|---|---|");
        foreach (var a in f.Acknowledgements)
            Line($"| {a.Participant} | {Fmt.Wire(a.Precedence)} | {a.Owed} | {a.Received} | {a.OnTime} | {Fmt.D(a.MedianSeconds)} | {Fmt.D(a.MaxSeconds)} | {Fmt.D(a.SloSeconds)} |");
        Line();
        Line($"## RFA lines at ENDEX{Fmt.Mark(f, "rfas")}");
        Line();
        Line("| RFA / line | category | requested | accepted | committed | state |");
        Line("|---|---|---|---|---|---|");
        foreach (var rfa in f.Rfas)
        {
            foreach (var l in rfa.Lines)
                Line($"| {rfa.RfaId}/{l.LineId} | {l.CategoryCode} | {l.Requested} | {l.Accepted} | {l.Committed} | {l.State} |");
        }
        Line();
        Line($"## Gaps{Fmt.Mark(f, "gaps")}");
        Line();
        if (f.Gaps.IsEmpty)
            Line("No gaps.");
        foreach (var gap in f.Gaps)
            Line($"- **{gap.Id}** ({Fmt.Words(gap.Kind)}, deadline {Fmt.T(gap.DeadlineSeconds)}): {gap.Text}");
        Line();
        Line("## Run");
        Line();
        var run = report.Run;
        Line(string.Create(CultureInfo.InvariantCulture,
            $"Host `{run.Host}`, profile `{run.MeshProfile}`, {run.StartexUtc:yyyy-MM-dd HH:mm:ss}Z – {run.EndexUtc:HH:mm:ss}Z ({Fmt.N(run.WallSeconds)} s real); {run.Submitted} submitted, {run.Delivered} delivered, {run.NotDelivered} not delivered, {run.MeshEscalations} escalations reported by the mesh."));
        return md.ToString();
    }
}
