namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// Two participants whose inboxes are full submit to each other at once: each submit turn asks the other's backlog
/// before refusing, so unless <see cref="IParticipantGrain.BacklogAsync"/> interleaves, each waits on the other's
/// non-reentrant submit turn until the call times out (30 s; issue 18). Both must be refused with A42-SUB-006 at once.
/// </summary>
public sealed class MutualBackpressureTests(BackpressureFixture mesh) : IClassFixture<BackpressureFixture>
{
    [Fact]
    public async Task Two_participants_at_their_inbox_caps_submitting_to_each_other_are_both_refused_without_waiting_on_each_other()
    {
        var (slovakia, slovenia) = (mesh.Gateway("SK"), mesh.Gateway("SI"));
        // Three each way (the cap), delivered and unacknowledged: each sender's cached view of the other's inbox is full.
        foreach (var (from, to) in new[] { (slovakia, slovenia), (slovenia, slovakia) })
        {
            foreach (var _ in Enumerable.Range(0, 3))
                await from.SendAsync(TestKeys.Signed(from.Participant, [to.Participant]));
            await from.ReportsAsync(3);
        }
        var toSlovenia = TestKeys.Signed("SK", ["SI"]);
        var toSlovakia = TestKeys.Signed("SI", ["SK"]);

        var both = Task.WhenAll(slovakia.SubmitAsync(toSlovenia), slovenia.SubmitAsync(toSlovakia));
        var outcomes = await both.WaitAsync(Deadline.Scaled(TimeSpan.FromSeconds(10)), TestContext.Current.CancellationToken);

        Assert.All(outcomes, outcome => Assert.Equal(ErrorCodes.InboxFull, Assert.Single(outcome.Errors).Code));
    }
}
