namespace Article42.Mesh.Grains.Tests;

public sealed class InboxDoorbellTests(MeshClusterFixture mesh) : IClassFixture<MeshClusterFixture>
{
    [Fact]
    public async Task The_doorbell_rings_when_a_message_arrives_and_a_receipt_travels_back_like_any_message()
    {
        var recipient = mesh.Gateway("EL");
        var doorbell = new Doorbell();
        var reference = mesh.Cluster.Client.CreateObjectReference<IInboxDoorbell>(doorbell);
        Assert.Null(await recipient.Grain.SubscribeAsync(await recipient.TokenAsync(), reference));

        var message = TestKeys.Signed("CY", ["EL"], MessageKind.IncidentReport);
        await mesh.Gateway("CY").SendAsync(message);
        Assert.Equal("EL", await doorbell.Rung.Task.WaitAsync(Deadline.Scaled(TimeSpan.FromSeconds(10)), TestContext.Current.CancellationToken));
        await recipient.ReceiveAsync([message.MsgId]);

        var receipt = TestKeys.Signed("EL", ["CY"], MessageKind.Receipt, e => e with { InReplyTo = message.MsgId });
        await recipient.SendAsync(receipt);
        var back = await mesh.Gateway("CY").ReceiveAsync([receipt.MsgId]);
        Assert.Equal(message.MsgId, back.Single(m => m.Envelope.MsgId == receipt.MsgId).Envelope.InReplyTo);
        Assert.Null(EnvelopeSignatures.Verify(back.Single(m => m.Envelope.MsgId == receipt.MsgId).Envelope, TestKeys.Registry));
    }

    private sealed class Doorbell : IInboxDoorbell
    {
        public TaskCompletionSource<string> Rung { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Ring(string participant) => Rung.TrySetResult(participant);
    }
}
