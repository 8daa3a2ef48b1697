namespace Article42.Mesh.Faults.Tests;

/// <summary>Histories the mesh's promises allow: the checker finds nothing in them.</summary>
public sealed class CheckerCleanHistoryTests
{
    [Fact]
    public void Messages_sent_to_two_recipients_handed_in_order_acknowledged_and_reported_are_clean()
    {
        var run = new SyntheticHistory().Start("FR").Start("DE").Start("IT")
            .Sent("m1", "FR", ["DE", "IT"]).Sent("m2", "FR", ["DE", "IT"])
            .Delivered("m1", "FR", "DE").Delivered("m2", "FR", "DE")
            .Delivered("m1", "FR", "IT").Delivered("m2", "FR", "IT");

        var report = run.Check();

        Assert.True(report.Clean, string.Join('\n', report.Violations));
        Assert.Equal(2, report.Messages);
    }

    [Fact]
    public void A_flagged_redelivery_after_the_recipients_own_restart_is_not_a_duplicate()
    {
        var run = new SyntheticHistory()
            .Sent("m1", "FR", ["DE"]).Handed("m1", "DE", "FR").Reported("m1", "FR", "DE")
            .Start("DE").Handed("m1", "DE", "FR", redelivered: true).Acked("m1", "DE");

        Assert.True(run.Check().Clean, string.Join('\n', run.Check().Violations));
    }

    [Fact]
    public void A_refused_send_and_a_timed_out_send_nobody_saw_are_neither_lost_nor_stuck()
    {
        var run = new SyntheticHistory().Refused("m1", "FR", ["DE"]).TimedOut("m2", "FR", ["DE"]);

        Assert.True(run.Check().Clean, string.Join('\n', run.Check().Violations));
    }

    [Fact]
    public void A_send_in_flight_when_its_client_was_killed_has_an_unknown_outcome_and_counts_once_seen()
    {
        var run = new SyntheticHistory().Invoke("m1", "FR", ["DE"]).Start("FR")
            .Handed("m1", "DE", "FR").Acked("m1", "DE").Reported("m1", "FR", "DE");

        Assert.True(run.Check().Clean, string.Join('\n', run.Check().Violations));
    }

    [Fact]
    public void Different_precedences_from_one_sender_may_overtake_each_other()
    {
        var run = new SyntheticHistory()
            .Sent("routine", "FR", ["DE"], Precedence.Routine).Sent("flash", "FR", ["DE"], Precedence.Flash)
            .Delivered("flash", "FR", "DE", Precedence.Flash).Delivered("routine", "FR", "DE", Precedence.Routine);

        Assert.True(run.Check().Clean, string.Join('\n', run.Check().Violations));
    }
}
