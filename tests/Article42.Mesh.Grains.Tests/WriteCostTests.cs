namespace Article42.Mesh.Grains.Tests;

public sealed class WriteCostTests(CountingJournalFixture mesh) : IClassFixture<CountingJournalFixture>
{
    [Fact]
    public async Task The_journal_work_for_the_10000th_message_to_a_recipient_equals_that_of_the_first_with_9999_unacknowledged_ahead()
    {
        var sender = mesh.Gateway("SI");
        await sender.OpenAsync(consuming: false);
        var reportsSeen = 0;
        // The inbox counts its FLASH/OVERRIDE bands once per activation, at its first change: a start-up cost, like its
        // backlog count at activation, so the message measured as the first is the second to reach HR.
        await WorkToDeliverAsync(sender, () => reportsSeen += 1);

        var first = await WorkToDeliverAsync(sender, () => reportsSeen += 1);
        var backlog = Enumerable.Range(0, 9997).Select(_ => TestKeys.Signed("SI", ["HR"], change: e => e with { PrecedenceAction = Precedence.Routine })).ToList();
        await sender.SendAllAsync(backlog);
        reportsSeen += 9997;
        await sender.ReportsAsync(reportsSeen, within: TimeSpan.FromSeconds(180));
        Assert.Equal(9999, await mesh.Journal.CountQueuedAsync("in/HR"));

        var tenThousandth = await WorkToDeliverAsync(sender, () => reportsSeen += 1);
        Assert.Equal(10_000, await mesh.Journal.CountQueuedAsync("in/HR"));
        // Reads are 0 at both (issue #18: the lanes and the inbox hold what they deliver; MessageWorkTests asserts it).
        Assert.True(first.Rows > 0 && first.Transactions > 0 && first.Writes > 0, $"the first message did journal work: {first}");
        Assert.True(first.SameAs(tenThousandth), $"first: {first}\n10,000th: {tenThousandth}");
    }

    /// <summary>
    /// The journal work (transactions, rows written, write and read calls, rows read) to accept one ROUTINE message
    /// and deliver it to HR, once it is reported delivered. The test's own polling for the report reads SI's stream
    /// from the start each time: those reads are not the mesh's work and are left out. Counting starts once the journal
    /// is idle, so the silo's start-up look at every queue is not counted as the first message's work.
    /// </summary>
    private async Task<JournalWork> WorkToDeliverAsync(TestGateway sender, Func<int> countReport)
    {
        var polling = JournalStream.OfParticipant("SI");
        bool Excluded(string operation, string id) => operation == nameof(IMessageJournal.ReadStreamAsync) && id == polling;
        await mesh.Counting.QuietAsync(quiet: TimeSpan.FromSeconds(1), within: TimeSpan.FromSeconds(60));
        var before = mesh.Counting.Work(Excluded);
        await sender.SendAsync(TestKeys.Signed("SI", ["HR"], change: e => e with { PrecedenceAction = Precedence.Routine }));
        await sender.ReportsAsync(countReport(), within: TimeSpan.FromSeconds(30));
        return mesh.Counting.Work(Excluded).Since(before);
    }
}
