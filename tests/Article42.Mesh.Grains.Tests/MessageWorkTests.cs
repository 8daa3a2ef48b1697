namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// The work per delivered point-to-point message, end to end (submit, delivery, one fetch, acknowledgement), counted on
/// the journal and the codec, at no backlog and behind 10,000 unacknowledged copies: issue #18's aims, at most 4 journal
/// writes, exactly one storing the body, and no read, in a sender's steady state (<see cref="SteadyStateCountingFixture"/>).
/// The codec is counted process-wide, so these tests run alone (no other class in parallel).
/// </summary>
[Collection(nameof(MessageWorkTests))]
[CollectionDefinition(nameof(MessageWorkTests), DisableParallelization = true)]
public sealed class MessageWorkTests(SteadyStateCountingFixture mesh) : IClassFixture<SteadyStateCountingFixture>
{
    /// <summary>
    /// Journal write calls per message (issue #18: at most 4): the id claim with the acceptance (one write), the inbox
    /// receipt, fetched, acknowledged. The sender's delivery record rides on its next write (here the next message's submit).
    /// </summary>
    private const int MaxWrites = 4;

    /// <summary>
    /// Journal reads per message: none (issue #18). The outbox lane holds the row the submit queued, the inbox band the row
    /// the delivery stored, bodies included (within <see cref="DeliveryOptions.HeldBytesCap"/>); the recipient's dedupe is
    /// its high-water mark per sender and lane; an acknowledgement of a message handed out by this activation reads nothing.
    /// </summary>
    private const int MaxReads = 0;

    /// <summary>Writes that store the message's body: the acceptance; the outbox and inbox rows name it (issue #18).</summary>
    private const int BodyWrites = 1;

    /// <summary>
    /// Today's encodes and strict decodes of a message submitted as a value (submit version 1): one encode at the silo's
    /// edge, which validation's size check, the signature check, the claim hash and the acceptance row share (issue #18:
    /// there were four); the lane, the delivery batch, the inbox and the fetch carry those bytes on (issue #18: the inbox
    /// measured the size of the envelope it held with a second encode until deliveries carried the signed bytes); no
    /// strict decode: the lane and the inbox hand on the envelopes they hold instead of decoding what the journal returns.
    /// </summary>
    private const int MaxEncodes = 1;
    private const int MaxDecodes = 0;

    /// <summary>
    /// Submitted as bytes (version 2): no encode in the silo (the gateway's one encode is the gateway's; the lane, the
    /// batch, the inbox and the fetch carry the bytes the gateway signed); one strict decode, at the edge.
    /// </summary>
    private const int BytesSubmitEncodes = 0;
    private const int BytesSubmitDecodes = 1 + MaxDecodes;

    [Fact]
    public async Task A_point_to_point_message_costs_no_more_journal_and_codec_work_than_today()
    {
        var (sender, recipient) = (mesh.Gateway("PT"), mesh.Gateway("FI"));
        await sender.OpenAsync(consuming: false);
        await recipient.OpenAsync();
        // The first message pays for its participants' activations: a start-up cost, not the message's.
        await DeliverOneAsync(sender, recipient);

        var work = await DeliverOneAsync(sender, recipient);

        TestContext.Current.TestOutputHelper?.WriteLine($"backlog 0: {work}");
        AssertWithinToday(work);
    }

    [Fact]
    public async Task A_point_to_point_message_behind_10000_unacknowledged_copies_costs_no_more_than_today()
    {
        var (sender, recipient) = (mesh.Gateway("LV"), mesh.Gateway("EE"));
        await sender.OpenAsync(consuming: false);
        await recipient.OpenAsync();
        const int Backlog = 10_000;
        var deferred = Enumerable.Range(0, Backlog).Select(_ => TestKeys.Signed("LV", ["EE"], change: e => e with { PrecedenceAction = Precedence.Deferred })).ToList();
        await sender.SendAllAsync(deferred);
        await Deadline.UntilAsync(async () => await mesh.Journal.CountQueuedAsync("in/EE") >= Backlog,
            TimeSpan.FromSeconds(180), $"{Backlog} DEFERRED copies in the inbox of EE");
        await DeliverOneAsync(sender, recipient);

        var work = await DeliverOneAsync(sender, recipient);

        TestContext.Current.TestOutputHelper?.WriteLine($"backlog {Backlog}: {work}");
        Assert.Equal(Backlog, await mesh.Journal.CountQueuedAsync("in/EE"));
        AssertWithinToday(work);
    }

    [Fact]
    public async Task A_message_submitted_as_bytes_is_never_encoded_in_the_silo_and_decoded_once_at_its_edge()
    {
        var (sender, recipient) = (mesh.Gateway("DK"), mesh.Gateway("NL"));
        await sender.OpenAsync(consuming: false);
        await recipient.OpenAsync();
        await DeliverOneAsync(sender, recipient, asBytes: true);

        var work = await DeliverOneAsync(sender, recipient, asBytes: true);

        TestContext.Current.TestOutputHelper?.WriteLine($"submitted as bytes, backlog 0: {work}");
        Assert.True(work.Encodes == BytesSubmitEncodes, $"encodes: {work}");
        Assert.True(work.Decodes == BytesSubmitDecodes, $"decodes: {work}");
        Assert.True(work.Journal.BodyWrites == BodyWrites, $"writes storing the body: {work}");
    }

    private static void AssertWithinToday(MessageWork work)
    {
        Assert.True(work.Journal.Writes is > 0 and <= MaxWrites, $"journal writes: {work}");
        Assert.True(work.Journal.Reads <= MaxReads, $"journal reads: {work}");
        Assert.True(work.Journal.BodyWrites == BodyWrites, $"writes storing the body: {work}");
        Assert.True(work.Encodes is > 0 and <= MaxEncodes, $"encodes: {work}");
        Assert.True(work.Decodes <= MaxDecodes, $"decodes: {work}");
    }

    /// <summary>
    /// Submits one ROUTINE message (signed before counting starts), lets the journal fall quiet (delivered), fetches one
    /// message (the ROUTINE one: it outranks any DEFERRED backlog), acknowledges it, and lets the journal fall quiet again.
    /// </summary>
    private async Task<MessageWork> DeliverOneAsync(TestGateway sender, TestGateway recipient, bool asBytes = false)
    {
        var envelope = TestKeys.Signed(sender.Participant, [recipient.Participant], change: e => e with { PrecedenceAction = Precedence.Routine });
        Assert.True(EnvelopeCodec.Encode(envelope).Length >= CountingJournal.BodyBytes, "the message is too small to be told from the records beside it");
        var document = asBytes ? SignedDocuments.Sign(envelope with { Signature = null }, TestKeys.KeyOf(sender.Participant)) : null;
        await QuietAsync();
        using var codec = new CodecCounts();
        var before = mesh.Counting.Work();

        if (document is null)
            await sender.SendAsync(envelope);
        else
            Assert.NotNull((await sender.SubmitSignedAsync(document.Bytes)).Receipt);
        await QuietAsync();
        var fetched = await recipient.FetchAsync(max: 1);
        var message = Assert.Single(fetched);
        Assert.Equal(envelope.MsgId, message.Envelope.MsgId);
        // What the recipient fetches are the bytes the acceptance stored (issue #18): the document the sender signed.
        if (document is not null)
            Assert.Equal(document.Bytes, message.Document);
        Assert.Empty((await recipient.AcknowledgeAsync([envelope.MsgId])).Errors);
        await QuietAsync();

        return new MessageWork(mesh.Counting.Work().Since(before), codec.Encodes, codec.Decodes);
    }

    private Task QuietAsync() => mesh.Counting.QuietAsync(quiet: TimeSpan.FromSeconds(1), within: TimeSpan.FromSeconds(120));
}
