namespace Article42.Mesh.Grains.Tests;

public sealed class WriteCostTests(DeliveryFixture mesh) : IClassFixture<DeliveryFixture>
{
    [Fact]
    public async Task The_journal_work_for_the_10000th_message_to_a_recipient_equals_that_of_the_first_with_9999_unacknowledged_ahead()
    {
        var sender = mesh.Gateway("SI");
        await sender.OpenAsync(consuming: false);
        var reportsSeen = 0;

        var first = await RowsToDeliverAsync(sender, () => reportsSeen += 1);
        var backlog = Enumerable.Range(0, 9998).Select(_ => TestKeys.Signed("SI", ["HR"], change: e => e with { PrecedenceAction = Precedence.Routine })).ToList();
        foreach (var chunk in backlog.Chunk(500))
            await Task.WhenAll(chunk.Select(sender.SendAsync));
        reportsSeen += 9998;
        await sender.ReportsAsync(reportsSeen, within: TimeSpan.FromSeconds(180));
        Assert.Equal(9999, await mesh.Journal.CountQueuedAsync("in/HR"));

        var tenThousandth = await RowsToDeliverAsync(sender, () => reportsSeen += 1);
        Assert.Equal(10_000, await mesh.Journal.CountQueuedAsync("in/HR"));
        Assert.Equal(first, tenThousandth);
    }

    /// <summary>Journal rows written to accept one ROUTINE message and deliver it to HR, once it is reported delivered.</summary>
    private async Task<long> RowsToDeliverAsync(TestGateway sender, Func<int> countReport)
    {
        var before = mesh.Journal.Statistics.Rows;
        await sender.SendAsync(TestKeys.Signed("SI", ["HR"], change: e => e with { PrecedenceAction = Precedence.Routine }));
        await sender.ReportsAsync(countReport(), within: TimeSpan.FromSeconds(30));
        return mesh.Journal.Statistics.Rows - before;
    }
}
