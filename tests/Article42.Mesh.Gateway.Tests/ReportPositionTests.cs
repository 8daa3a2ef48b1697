namespace Article42.Mesh.Gateway.Tests;

/// <summary>
/// A receipt names its place in the sender's report feed, and a reader can start there (issue 19, item 4: what
/// <c>a42 send --wait-delivery</c> does): it gets the message's reports, never the history before it.
/// </summary>
[Collection(nameof(MeshCollection))]
public sealed class ReportPositionTests(MeshFixture fixture)
{
    private MeshCluster Mesh => fixture.Mesh;

    [Fact]
    public async Task Reading_the_feed_from_a_receipt_s_position_yields_that_message_s_report_first_and_none_from_before_it()
    {
        await using var sender = Mesh.Gateway("LT");
        await using var all = new Reader<MeshEvent>(sender.ReportsAsync);
        var earlier = Messages.Draft("LT", ["CY"]);
        var earlierReceipt = await sender.SendAsync(earlier);
        await all.NextMatchingAsync(e => e is Delivered d && d.MessageId == earlier.MsgId, "the DR of the earlier message");

        var later = Messages.Draft("LT", ["CY"]);
        var receipt = await sender.SendAsync(later);
        Assert.True(receipt.Position > earlierReceipt.Position, $"receipt position {receipt.Position} is not after the earlier one's {earlierReceipt.Position}");

        // Another process of the same sender (a42 send --wait-delivery beside a42 listen), reading from the receipt on.
        await using var waiter = Mesh.Gateway("LT");
        await using var fromReceipt = new Reader<MeshEvent>(cancellation => waiter.ReportsAsync(receipt.Position, cancellation));
        var first = await fromReceipt.NextAsync("the first report after the receipt's position");
        var delivered = Assert.IsType<Delivered>(first);
        Assert.Equal((later.MsgId, "CY"), (delivered.MessageId, delivered.Recipient));
    }
}
