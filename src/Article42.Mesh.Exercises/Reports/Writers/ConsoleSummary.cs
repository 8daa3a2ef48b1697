using System.Text;

namespace Article42.Mesh.Exercises;

/// <summary>The few lines <c>a42 exercise run</c> prints at ENDEX.</summary>
public static class ConsoleSummary
{
    public static string Write(ExerciseReport report)
    {
        var f = report.Figures;
        var text = new StringBuilder();
        text.Append($"ENDEX {f.Exercise.Id} ({f.Exercise.Name}) seed {f.Exercise.Seed}: {f.Exercise.MessagesSent} messages, {f.Exercise.MessagesRefused} refused, {Fmt.N(report.Run.WallSeconds)} s real\n");
        foreach (var a in f.Activations)
            text.Append($"  {a.ActivationId} {a.Invoker}: all acknowledged {Fmt.D(a.AllAcknowledgedSeconds)}{(a.NotAcknowledged.IsEmpty ? "" : $" (missing {string.Join(", ", a.NotAcknowledged)})")}, first solidarity {Fmt.D(a.FirstSolidaritySeconds)}\n");
        foreach (var r in f.Rfas)
            text.Append($"  {r.RfaId}: first offer {Fmt.D(r.FirstOfferSeconds)}, coverage at ENDEX {Fmt.Percent(r.CoverageAtEndex)}\n");
        foreach (var o in f.Objectives)
            text.Append($"  {o.Id} {o.Rating} ({Fmt.N(o.Percent)} %) {o.Title}\n");
        text.Append($"  participation {Fmt.Percent(f.Participation.Rate)}, escalations {f.Escalations}, dead letters {f.DeadLetters.Length}, gaps {f.Gaps.Length}\n");
        if (f.Reminders.Sent > 0)
            text.Append($"  reminders {f.Reminders.Sent} sent, {f.Reminders.Answered} answered\n");
        foreach (var gap in f.Gaps.Take(10))
            text.Append($"  {gap.Id} {gap.Text}\n");
        if (f.Gaps.Length > 10)
            text.Append($"  ... and {f.Gaps.Length - 10} more gaps in report.md\n");
        return text.ToString();
    }
}
