namespace Article42.Mesh.Grains.Tests.Model;

/// <summary>
/// What <see cref="DeliveryModelTests"/> found with duplicate activations, each forced in one order (issue #18): two
/// clusters over one journal (<see cref="TwoClusterFixture"/>), so a participant has a live activation in each.
/// </summary>
public sealed class DuplicateActivationTests(TwoClusterFixture mesh) : IClassFixture<TwoClusterFixture>
{
    /// <summary>
    /// The session reads its inbox to the end (every band's ceiling known to this activation); then the other cluster's
    /// activation of the recipient stores a message. A fetch that hands nothing writes nothing, so no version fenced the
    /// stale activation: it answered from its ceilings, nothing, for as long as it wrote nothing (the model test's one run
    /// in five). Now an empty fetch asks the journal for the stream's version: the stale activation goes, the gateway's
    /// retry meets a fresh one, which hands the message.
    /// </summary>
    [Fact]
    public async Task A_message_the_other_activation_stores_after_the_session_read_its_inbox_is_handed_to_that_gateway()
    {
        var recipient = new ModelGateway(mesh.Grains, "BE");
        await DrainAsync(recipient);
        var envelope = TestKeys.Signed("AT", ["BE"]);

        await new ModelGateway(mesh.Elsewhere, "AT").SubmitAsync(envelope);
        await StoredAsync(envelope, "BE");

        var handed = new List<InboxMessage>();
        await Deadline.UntilAsync(async () =>
        {
            handed.AddRange(await recipient.FetchAsync(10));
            return handed.Exists(m => m.Envelope.MsgId == envelope.MsgId);
        }, TimeSpan.FromSeconds(30), $"BE's gateway to be handed {envelope.MsgId}, stored by BE's activation in the other cluster");
        await recipient.AcknowledgeAsync([envelope.MsgId]);
    }

    /// <summary>
    /// A fetch reads a message and its <c>fetched</c> write fails (the journal down for it, the activation and the session
    /// alive). Its session's cursors used to move before that write, so the session's next fetch skipped the message,
    /// which was never handed to it (found by the model test as a fenced write). They move only after the write now.
    /// </summary>
    [Fact]
    public async Task A_fetch_whose_write_failed_hands_nothing_and_the_sessions_next_fetch_hands_the_message()
    {
        var recipient = new ModelGateway(mesh.Grains, "CY");
        var token = await DrainAsync(recipient);
        var envelope = TestKeys.Signed("BG", ["CY"]);
        await new ModelGateway(mesh.Grains, "BG").SubmitAsync(envelope);
        await StoredAsync(envelope, "CY");
        var grain = mesh.Grains.GetGrain<IParticipantGrain>("CY");

        mesh.Gate.Hold((stream, entries) => stream == JournalStream.OfParticipant("CY") && entries.Any(e => e.Type == EntryTypes.Fetched));
        var failing = grain.FetchAsync(token, 10).AsTask();
        await Deadline.UntilAsync(() => Task.FromResult(mesh.Gate.Waiting == 1), TimeSpan.FromSeconds(30), "the fetched write of CY at the gate");
        mesh.Outage.Down = true;
        try
        {
            mesh.Gate.Release();
            await Assert.ThrowsAsync<MeshUnavailableException>(() => failing);
        }
        finally
        {
            mesh.Outage.Down = false;
        }

        var again = await grain.FetchAsync(token, 10);
        Assert.Null(again.Error);
        Assert.Contains(again.Messages, m => m.Envelope.MsgId == envelope.MsgId);
        await recipient.AcknowledgeAsync([envelope.MsgId]);
    }

    /// <summary>Opens a consuming session and reads the inbox to its end, acknowledging what earlier tests left; returns the session's token.</summary>
    private static async Task<string> DrainAsync(ModelGateway gateway)
    {
        var token = await gateway.OpenAsync();
        for (var batch = await gateway.FetchAsync(500); batch.Length > 0; batch = await gateway.FetchAsync(500))
            await gateway.AcknowledgeAsync([.. batch.Select(m => m.Envelope.MsgId)]);
        return token;
    }

    /// <summary>Waits until the recipient's inbox stored the message and its sender recorded the delivery: nothing of it still in flight.</summary>
    private Task StoredAsync(Envelope envelope, string recipient) => Deadline.UntilAsync(async () =>
    {
        var entries = await mesh.Journal.FindByMessageIdAsync(envelope.MsgId);
        return entries.Any(e => e.StreamId == JournalStream.OfParticipant(recipient) && e.Type == EntryTypes.Received)
            && entries.Any(e => e.StreamId == JournalStream.OfParticipant(envelope.From) && e.Type == EntryTypes.Delivered);
    }, TimeSpan.FromSeconds(30), $"{envelope.MsgId} stored in the inbox of {recipient} and recorded delivered");
}
