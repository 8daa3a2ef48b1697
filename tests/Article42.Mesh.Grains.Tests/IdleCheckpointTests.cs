namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// A sender that writes nothing more still gets its delivery records written (issue #18): the idle checkpoint writes
/// them <see cref="DeliveryOptions.CheckpointDelay"/> (default 250 ms) after the delivery, so its delivery report and
/// the empty outbox come a little later, never for ever later.
/// </summary>
public sealed class IdleCheckpointTests(MeshClusterFixture mesh) : IClassFixture<MeshClusterFixture>
{
    [Fact]
    public async Task An_idle_senders_delivery_record_is_written_by_the_checkpoint_and_its_outbox_row_goes()
    {
        var (sender, recipient) = (mesh.Gateway("HR"), mesh.Gateway("CY"));
        await recipient.OpenAsync();
        var message = TestKeys.Signed("HR", ["CY"]);
        await sender.SendAsync(message);
        await recipient.ReceiveAsync([message.MsgId]);

        var report = Assert.Single(await sender.ReportsAsync(1, within: TimeSpan.FromSeconds(30)));

        Assert.Equal((message.MsgId, "CY", ReportKind.Delivered), (report.MessageId, report.Recipient, report.Kind));
        await Deadline.UntilAsync(async () => await mesh.Journal.CountQueuedAsync("out/HR/CY") == 0, TimeSpan.FromSeconds(30), "HR's outbox row to CY to go");
    }
}
