namespace Article42.Mesh.Exercises.Tests;

/// <summary>
/// Issue 22, item 3: reactions to escalations and reminders, without a mesh. The small scenario on a simulated mesh that
/// escalates missing receipts as the real one does: LT's FLASH invocation (T+00:10) reaches HU, which leaves it
/// unanswered (<c>silence: 1</c>); the mesh escalates HU's missing receipt at T+00:15 and T+00:20; LT, whose FLASH
/// reaction is 00:05, reminds HU at T+00:20, once. LT's RFA (T+00:30, IMMEDIATE, SLO 30 min) is escalated at T+00:45 and
/// reminded at T+00:55.
/// </summary>
public sealed class ReminderTests
{
    private static Scenario Small(string hu, string others = "", string pl = "")
    {
        const string original = "HU: { silence: 1 }";
        const string approval = "approval: { level: GOVERNMENT, delay: \"00:40\" }";
        Assert.Contains(original, TestScenarios.Small, StringComparison.Ordinal);
        Assert.Contains(approval, TestScenarios.Small, StringComparison.Ordinal);
        return ScenarioLoader.Parse(TestScenarios.Small.Replace(original, hu + others, StringComparison.Ordinal).Replace(approval, approval + pl, StringComparison.Ordinal), "small.yaml");
    }

    /// <summary>PL's link degraded by a minute each way for the first hour (added to PL's behaviour).</summary>
    private const string SlowPl = "\n      degraded: [ { from: T+00:00, to: T+01:00, delay: \"00:01\" } ]";

    private static (ReactiveEngine Engine, ArrivalLog Log) Play(Scenario scenario, TimeSpan latency)
    {
        var engine = new ReactiveEngine(scenario, 7);
        return (engine, SimulatedMesh.Play(scenario, engine, latency, escalate: true));
    }

    private static string DescribeWithoutReminders(Scenario scenario, ReactiveEngine engine) =>
        SimulationPlan.Describe(scenario, 7, [.. engine.Decisions.Where(a => a.Reminds is null).Select((a, i) => a with { Sequence = i })]);

    [Fact]
    public void An_escalation_makes_the_originator_remind_the_silent_recipient_once_in_reply_to_the_message()
    {
        var (engine, log) = Play(Small("HU: { silence: 1, reminded: 0 }"), TimeSpan.Zero);

        // The mesh escalated HU's missing receipt twice (50 % and 100 %); LT reminded once, after its FLASH reaction time.
        Assert.Equal(new[] { 50, 100 }, log.Facts.Where(f => f is { Kind: MeshFactKind.Escalated, Ref: "M02", Participant: "HU" }).Select(f => f.ThresholdPercent!.Value));
        var reminder = Assert.Single(engine.Decisions, a => a.Reminds == "M02");
        Assert.Equal(("LT", MessageKind.Rfi, "HU", "M02", TimeSpan.FromMinutes(20)),
            (reminder.Actor, reminder.Kind, Assert.Single(reminder.To), reminder.InReplyToRef, reminder.At));
        Assert.Equal(Precedence.Priority, reminder.Precedence);
        // Only HU was silent: DE's and PL's receipts reached LT in time, so nothing escalated them and nobody reminded them.
        Assert.Equal(["REMINDER:HU:M02", "REMINDER:HU:M03"], engine.Decisions.Where(a => a.Reminds is not null).Select(a => a.Ref));
        Assert.Equal(TimeSpan.FromMinutes(55), engine.Find("REMINDER:HU:M03")!.At);
        Assert.Contains(log.Facts, f => f is { Kind: MeshFactKind.Received, Ref: "REMINDER:HU:M02", Participant: "HU" });
    }

    [Fact]
    public void An_originator_that_does_not_remind_sends_no_reminder_though_the_mesh_escalates()
    {
        var (engine, log) = Play(Small("HU: { silence: 1, reminded: 1 }", "\n    LT: { reminds: false }"), TimeSpan.Zero);

        Assert.Contains(log.Facts, f => f is { Kind: MeshFactKind.Escalated, Ref: "M02", Participant: "HU" });
        Assert.DoesNotContain(engine.Decisions, a => a.Reminds is not null || (a.Kind == MessageKind.Rfi && a.Actor == "LT" && a.Ref != "M04"));
        Assert.Null(engine.Find("RECEIPT:HU:M02"));
    }

    [Fact]
    public void A_silent_recipient_reminded_answers_the_message_from_the_reminder_s_arrival_or_stays_silent()
    {
        var (answering, _) = Play(Small("HU: { silence: 1, reminded: 1 }"), TimeSpan.Zero);
        // The reminder reaches HU at T+00:20; HU reacts to the invocation by the normal rules from then: its FLASH 00:05.
        Assert.Equal(TimeSpan.FromMinutes(25), answering.Find("RECEIPT:HU:M02")!.At);
        Assert.Equal(TimeSpan.FromMinutes(26) + TimeSpan.FromSeconds(15), answering.Find("INVOCATION_ACK:HU:M02")!.At);
        Assert.Equal(TimeSpan.FromMinutes(65), answering.Find("RECEIPT:HU:M03")!.At);
        // The reminder itself asks for nothing: HU neither receipts nor answers it.
        Assert.DoesNotContain(answering.Decisions, a => a.InReplyToRef is { } reply && reply.StartsWith("REMINDER:", StringComparison.Ordinal));

        var (silent, _) = Play(Small("HU: { silence: 1, reminded: 0 }"), TimeSpan.Zero);
        Assert.Null(silent.Find("RECEIPT:HU:M02"));
        Assert.Null(silent.Find("INVOCATION_ACK:HU:M02"));
        Assert.DoesNotContain(silent.Decisions, a => a.Actor == "HU" && a.Type == PlannedActionType.Send);
    }

    [Fact]
    public void A_reminder_to_a_recipient_that_already_answered_or_whose_answer_is_pending_changes_nothing()
    {
        // Two minutes' latency. DE's one officer needs 00:30 per FLASH, so its receipt is still pending (T+00:42) when LT's
        // reminder reaches it at T+00:22. PL's link is degraded by a minute each way: its receipt leaves at T+00:19 and reaches
        // LT at T+00:21, after the 50 % escalation (T+00:15) made LT's reminder due and after it went out (T+00:20), so
        // the reminder reaches PL at T+00:22, which had answered.
        const string de = "\n    DE: { staff: 1, reaction: { FLASH: \"00:30\" }, reminded: 1 }";
        var scenario = Small("HU: { silence: 1, reminded: 0 }", de, SlowPl);
        var (reminding, log) = Play(scenario, TimeSpan.FromMinutes(2));
        var (quiet, _) = Play(Small("HU: { silence: 1, reminded: 0 }", de + "\n    LT: { reminds: false }", SlowPl), TimeSpan.FromMinutes(2));

        Assert.Contains(log.Facts, f => f is { Kind: MeshFactKind.Escalated, Ref: "M02", Participant: "PL", ThresholdPercent: 50 } && f.At == TimeSpan.FromMinutes(15));
        var (reminder, receipt) = (reminding.Find("REMINDER:PL:M02"), reminding.Find("RECEIPT:PL:M02"));
        Assert.NotNull(reminder);
        Assert.NotNull(receipt);
        Assert.Equal((TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(19)), (reminder.At, receipt.At));
        Assert.Equal(TimeSpan.FromMinutes(21), Assert.Single(log.Facts, f => f is { Kind: MeshFactKind.Received, Ref: "RECEIPT:PL:M02", Participant: "LT" }).At);
        Assert.Equal(TimeSpan.FromMinutes(22), Assert.Single(log.Facts, f => f is { Kind: MeshFactKind.Received, Ref: "REMINDER:PL:M02", Participant: "PL" }).At);
        Assert.NotNull(reminding.Find("REMINDER:DE:M02"));
        Assert.Equal(TimeSpan.FromMinutes(42), reminding.Find("RECEIPT:DE:M02")!.At);
        Assert.Equal(DescribeWithoutReminders(scenario, quiet), DescribeWithoutReminders(scenario, reminding));

        // On PL's own link its receipt (decided T+00:17) reaches LT at T+00:19, after the same escalation made the reminder
        // due and before it went out: LT drops it.
        var (overtaken, overtakenLog) = Play(Small("HU: { silence: 1, reminded: 0 }", de), TimeSpan.FromMinutes(2));
        Assert.Contains(overtakenLog.Facts, f => f is { Kind: MeshFactKind.Escalated, Ref: "M02", Participant: "PL", ThresholdPercent: 50 } && f.At == TimeSpan.FromMinutes(15));
        Assert.Equal(TimeSpan.FromMinutes(19), Assert.Single(overtakenLog.Facts, f => f is { Kind: MeshFactKind.Received, Ref: "RECEIPT:PL:M02", Participant: "LT" }).At);
        Assert.Null(overtaken.Find("REMINDER:PL:M02"));
        Assert.DoesNotContain(overtakenLog.Facts, f => f.Ref == "REMINDER:PL:M02");
    }

    [Fact]
    public void A_log_with_escalations_and_reminders_replays_to_the_same_decisions_and_figures()
    {
        var scenario = Small("HU: { silence: 1, reminded: 1 }");
        var (engine, log) = Play(scenario, TimeSpan.FromMinutes(1));
        Assert.Contains(log.Facts, f => f is { Kind: MeshFactKind.Received, Participant: "HU" } && f.Ref.StartsWith("REMINDER:", StringComparison.Ordinal));
        Assert.NotNull(engine.Find("RECEIPT:HU:M02"));

        var replayed = ArrivalReplay.Play(scenario, ArrivalLog.FromJson(log.ToJson()));
        Assert.Equal(engine.Describe(), replayed.Describe());
        Assert.Equal(ReportJson.WriteFigures(ExerciseReport.Create(scenario, 7, ExerciseEngine.Reactive, engine.Observe(log)).Figures),
            ReportJson.WriteFigures(ExerciseReport.Create(scenario, 7, ExerciseEngine.Reactive, replayed.Observe(log)).Figures));
    }

    [Fact]
    public void The_report_counts_reminders_sent_and_answered_and_a_missing_receipt_says_it_was_reminded()
    {
        var unanswered = Small("HU: { silence: 1, reminded: 0 }");
        var (silent, silentLog) = Play(unanswered, TimeSpan.Zero);
        var figures = ExerciseReport.Create(unanswered, 7, ExerciseEngine.Reactive, silent.Observe(silentLog)).Figures;
        Assert.Equal(new ReminderFigure(2, 0), figures.Reminders);
        var missing = Assert.Single(figures.Gaps, g => g is { Kind: GapKind.ReceiptMissing, Subject: "HU" });
        Assert.Equal("HU sent no receipt for 2 of 3 messages that asked for one: M02 INVOCATION (FLASH, due T+00:20, reminded T+00:20); "
            + "M03 RFA (IMMEDIATE, due T+01:00, reminded T+00:55)", missing.Text);
        Assert.Contains(figures.Gaps, g => g.Kind == GapKind.InvocationNotAcknowledged);
        // A reminder is neither an RFI owed an answer nor a message owed a receipt.
        Assert.DoesNotContain(figures.Gaps, g => g.Kind == GapKind.RfiUnanswered && g.Subject.StartsWith("REMINDER:", StringComparison.Ordinal));
        Assert.Equal(3, figures.Acknowledgements.Where(a => a.Participant == "HU").Sum(a => a.Owed));
        Assert.DoesNotContain(figures.Rfis, r => r.Ref.StartsWith("REMINDER:", StringComparison.Ordinal));

        var reminded = Small("HU: { silence: 1, reminded: 1 }");
        var (answering, log) = Play(reminded, TimeSpan.Zero);
        var closed = ExerciseReport.Create(reminded, 7, ExerciseEngine.Reactive, answering.Observe(log)).Figures;
        Assert.Equal(new ReminderFigure(2, 2), closed.Reminders);
        Assert.DoesNotContain(closed.Gaps, g => g.Kind is GapKind.ReceiptMissing or GapKind.InvocationNotAcknowledged);
        Assert.True(closed.DependsOnTiming("reminders"));
        Assert.Contains("- Reminders (missing receipts the originator chased): 2 sent, 2 answered.",
            ReportMarkdown.Write(ExerciseReport.Create(reminded, 7, ExerciseEngine.Reactive, answering.Observe(log))), StringComparison.Ordinal);
    }
}
