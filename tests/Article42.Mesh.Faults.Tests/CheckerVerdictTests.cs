namespace Article42.Mesh.Faults.Tests;

/// <summary>One broken promise per test, written as a history: the checker names it, and nothing else.</summary>
public sealed class CheckerVerdictTests
{
    [Fact]
    public void An_accepted_message_never_handed_to_one_of_its_recipients_is_lost()
    {
        var run = new SyntheticHistory().Sent("m1", "FR", ["DE", "IT"]).Delivered("m1", "FR", "DE");

        AssertOnly(run.Check(), ViolationKind.Lost, "m1", "IT");
    }

    [Fact]
    public void A_message_handed_only_after_the_last_heal_plus_the_grace_is_lost()
    {
        var run = new SyntheticHistory().Sent("m1", "FR", ["DE"]);
        var window = new CheckWindow(LastHeal: run.Now, Grace: TimeSpan.FromSeconds(2));
        run.Start("IT").Start("IT").Start("IT").Delivered("m1", "FR", "DE");

        AssertOnly(HistoryChecker.Check(run.Entries, window), ViolationKind.Lost, "m1", "DE");
    }

    [Fact]
    public void A_send_of_unknown_outcome_seen_by_one_recipient_is_accepted_and_lost_for_the_other()
    {
        var run = new SyntheticHistory().TimedOut("m1", "FR", ["DE", "IT"]).Delivered("m1", "FR", "DE");

        AssertOnly(run.Check(), ViolationKind.Lost, "m1", "IT");
    }

    [Fact]
    public void A_message_handed_that_nobody_sent_is_unexpected()
    {
        var run = new SyntheticHistory().Handed("ghost", "DE", "FR").Acked("ghost", "DE");

        AssertOnly(run.Check(), ViolationKind.Unexpected, "ghost", "DE");
    }

    [Fact]
    public void A_message_handed_after_its_send_was_refused_is_unexpected()
    {
        var run = new SyntheticHistory().Refused("m1", "FR", ["DE"]).Handed("m1", "DE", "FR").Acked("m1", "DE");

        AssertOnly(run.Check(), ViolationKind.Unexpected, "m1", "DE");
    }

    [Fact]
    public void A_message_handed_twice_without_a_redelivered_flag_is_duplicated()
    {
        var run = new SyntheticHistory().Sent("m1", "FR", ["DE"]).Delivered("m1", "FR", "DE").Handed("m1", "DE", "FR").Acked("m1", "DE");

        AssertOnly(run.Check(), ViolationKind.Duplicated, "m1", "DE");
    }

    [Fact]
    public void A_flagged_redelivery_without_a_restart_of_that_gateway_is_duplicated()
    {
        var run = new SyntheticHistory().Sent("m1", "FR", ["DE"]).Delivered("m1", "FR", "DE")
            .Start("FR").Handed("m1", "DE", "FR", redelivered: true).Acked("m1", "DE");

        AssertOnly(run.Check(), ViolationKind.Duplicated, "m1", "DE");
    }

    [Fact]
    public void A_later_accepted_message_handed_first_within_sender_recipient_and_precedence_is_reordered()
    {
        var run = new SyntheticHistory().Sent("m1", "FR", ["DE"]).Sent("m2", "FR", ["DE"])
            .Delivered("m2", "FR", "DE").Delivered("m1", "FR", "DE");

        AssertOnly(run.Check(), ViolationKind.Reordered, "m1", "DE");
    }

    [Fact]
    public void A_send_without_any_outcome_while_its_client_lived_on_is_stuck()
    {
        var run = new SyntheticHistory().Invoke("m1", "FR", ["DE"]);

        AssertOnly(run.Check(), ViolationKind.Stuck, "m1", null);
    }

    [Fact]
    public void A_handed_message_never_acknowledged_is_stuck()
    {
        var run = new SyntheticHistory().Sent("m1", "FR", ["DE"]).Handed("m1", "DE", "FR").Reported("m1", "FR", "DE");

        AssertOnly(run.Check(), ViolationKind.Stuck, "m1", "DE");
    }

    [Fact]
    public void A_non_delivery_report_for_a_handed_message_does_not_match()
    {
        var run = new SyntheticHistory().Sent("m1", "FR", ["DE"]).Delivered("m1", "FR", "DE").Reported("m1", "FR", "DE", ReportKind.NotDelivered);

        AssertOnly(run.Check(), ViolationKind.Reports, "m1", "DE");
    }

    [Fact]
    public void A_handed_message_without_a_delivery_report_at_its_sender_does_not_match()
    {
        var run = new SyntheticHistory().Sent("m1", "FR", ["DE"]).Handed("m1", "DE", "FR").Acked("m1", "DE");

        AssertOnly(run.Check(), ViolationKind.Reports, "m1", "DE");
    }

    private static void AssertOnly(CheckReport report, ViolationKind kind, string id, string? recipient)
    {
        var violation = Assert.Single(report.Violations);
        Assert.Equal((kind, id, recipient), (violation.Kind, violation.MessageId, violation.Recipient));
        Assert.Equal(1, report.Count(kind));
    }
}
