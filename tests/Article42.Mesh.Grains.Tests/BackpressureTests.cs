namespace Article42.Mesh.Grains.Tests;

public sealed class BackpressureTests(BackpressureFixture mesh) : IClassFixture<BackpressureFixture>
{
    [Fact]
    public async Task A_sender_over_its_rate_is_refused_flash_still_passes_and_it_recovers()
    {
        var sender = mesh.Gateway("LU");
        var recipients = new[] { "BE", "NL", "DK", "FI", "SE", "EE" };
        for (var i = 0; i < 5; i++)
            await sender.SendAsync(TestKeys.Signed("LU", [recipients[i]]));

        // The mesh clock stands still: the burst of 5 is spent, and nothing refills it behind the test's back.
        var refused = await sender.SubmitAsync(TestKeys.Signed("LU", ["EE"]));
        Assert.Equal(ErrorCodes.SenderRateExceeded, Assert.Single(refused.Errors).Code);
        Assert.NotNull((await sender.SubmitAsync(TestKeys.Signed("LU", ["EE"], MessageKind.IncidentReport))).Receipt);

        // Half a token after 1 s at 0.5 per second: still refused, for the rate.
        mesh.Clock.Advance(TimeSpan.FromSeconds(1));
        var early = await sender.SubmitAsync(TestKeys.Signed("LU", ["EE"]));
        Assert.Equal(ErrorCodes.SenderRateExceeded, Assert.Single(early.Errors).Code);

        // One token after 2 s: exactly one ROUTINE submit passes, the next is refused again.
        mesh.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.NotNull((await sender.SubmitAsync(TestKeys.Signed("LU", ["EE"]))).Receipt);
        var again = await sender.SubmitAsync(TestKeys.Signed("LU", ["EE"]));
        Assert.Equal(ErrorCodes.SenderRateExceeded, Assert.Single(again.Errors).Code);
    }

    [Fact]
    public async Task A_full_inbox_refuses_routine_traffic_lets_flash_through_and_reopens_once_acknowledged()
    {
        var sender = mesh.Gateway("MT");
        var recipient = mesh.Gateway("CY");
        var first = Enumerable.Range(0, 3).Select(_ => TestKeys.Signed("MT", ["CY"])).ToList();
        foreach (var message in first)
            await sender.SendAsync(message);
        await sender.ReportsAsync(3);

        var refused = await sender.SubmitAsync(TestKeys.Signed("MT", ["CY"]));
        Assert.Equal(ErrorCodes.InboxFull, Assert.Single(refused.Errors).Code);
        Assert.NotNull((await sender.SubmitAsync(TestKeys.Signed("MT", ["CY"], MessageKind.IncidentReport))).Receipt);

        await recipient.ClearAsync();
        // Each try gets a fresh token (2 s of mesh clock), so every refusal until the inbox reopens is the inbox's.
        var refusals = new List<string>();
        SubmitOutcome? reopened = null;
        await Deadline.UntilAsync(async () =>
        {
            mesh.Clock.Advance(TimeSpan.FromSeconds(2));
            reopened = await sender.SubmitAsync(TestKeys.Signed("MT", ["CY"]));
            refusals.AddRange(reopened.Errors.Select(e => e.Code));
            return reopened.Receipt is not null;
        }, TimeSpan.FromSeconds(10), "the drained inbox to accept ROUTINE traffic again");
        Assert.All(refusals, code => Assert.Equal(ErrorCodes.InboxFull, code));
    }
}
