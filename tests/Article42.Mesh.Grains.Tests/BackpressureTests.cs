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

        var refused = await sender.SubmitAsync(TestKeys.Signed("LU", ["EE"]));
        Assert.Equal(ErrorCodes.SenderRateExceeded, Assert.Single(refused.Errors).Code);
        Assert.NotNull((await sender.SubmitAsync(TestKeys.Signed("LU", ["EE"], MessageKind.IncidentReport))).Receipt);

        SubmitOutcome? later = null;
        await Deadline.UntilAsync(async () => (later = await sender.SubmitAsync(TestKeys.Signed("LU", ["EE"]))).Receipt is not null,
            TimeSpan.FromSeconds(10), "the rate limit to let ROUTINE traffic through again");
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
        SubmitOutcome? reopened = null;
        await Deadline.UntilAsync(async () => (reopened = await sender.SubmitAsync(TestKeys.Signed("MT", ["CY"]))).Receipt is not null,
            TimeSpan.FromSeconds(10), "the drained inbox to accept ROUTINE traffic again");
    }
}
