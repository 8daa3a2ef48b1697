namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// The sender's delivery records ride on its next write (issue #18, docs/design/architecture.md §4): a delivered
/// message's <c>delivered</c> entry and the removal of its outbox row cost no write of their own while the sender writes
/// again within <see cref="DeliveryOptions.CheckpointDelay"/> (an hour here, so the test sees only the ride).
/// </summary>
public sealed class DeliveryCheckpointTests(SteadyStateCountingFixture mesh) : IClassFixture<SteadyStateCountingFixture>
{
    [Fact]
    public async Task A_delivery_record_is_written_by_the_senders_next_submit_not_by_a_write_of_its_own()
    {
        var (sender, recipient) = (mesh.Gateway("SK"), mesh.Gateway("SI"));
        await sender.OpenAsync(consuming: false);
        await recipient.OpenAsync();
        var first = TestKeys.Signed("SK", ["SI"]);
        await sender.SendAsync(first);
        await recipient.ReceiveAsync([first.MsgId]);
        await mesh.Counting.QuietAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

        // Stored by the recipient, not yet recorded by the sender: no delivered entry, the outbox row still there.
        Assert.DoesNotContain(await mesh.Journal.FindByMessageIdAsync(first.MsgId), e => e is { StreamId: "participant/SK", Type: "delivered" });
        Assert.Equal(1, await mesh.Journal.CountQueuedAsync("out/SK/SI"));
        var before = mesh.Counting.Work(exclude: (_, id) => id != "participant/SK");

        var second = TestKeys.Signed("SK", ["SI"]);
        await sender.SendAsync(second);

        var writes = mesh.Counting.Work(exclude: (_, id) => id != "participant/SK").Since(before);
        Assert.Contains(await mesh.Journal.FindByMessageIdAsync(first.MsgId), e => e is { StreamId: "participant/SK", Type: "delivered" });
        // The first message's outbox row went with that write: the lane holds the second's alone.
        Assert.Equal([second.MsgId], (await mesh.Journal.FetchQueuedAsync("out/SK/SI", 10)).Select(row => row.MessageId));
        Assert.True(writes.Writes == 1, $"the second submit and the first message's delivery record: {writes}");
    }
}
