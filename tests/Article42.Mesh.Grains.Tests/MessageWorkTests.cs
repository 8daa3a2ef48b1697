namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// The work per delivered point-to-point message, end to end (submit, delivery, one fetch, acknowledgement), counted on
/// the journal and the codec, at no backlog and behind 10,000 unacknowledged copies. The bounds are today's figures, a
/// guard against regressions while issue #18 cuts them; its aims (at most 4 journal writes, 0 reads) become the bounds as
/// they are reached. The codec is counted process-wide, so these tests run alone (no other class in parallel).
/// </summary>
[Collection(nameof(MessageWorkTests))]
[CollectionDefinition(nameof(MessageWorkTests), DisableParallelization = true)]
public sealed class MessageWorkTests(QuietKeeperCountingFixture mesh) : IClassFixture<QuietKeeperCountingFixture>
{
    /// <summary>Journal write calls per message: id claim with acceptance (one write since issue #18), delivery record, inbox receipt, fetched, acknowledged.</summary>
    private const int MaxWrites = 5;

    /// <summary>Journal reads per message: the pump's batch, one band of the fetch (bands read to their end are skipped, an acknowledgement of a message handed out by this activation reads nothing, the recipient's dedupe is its high-water mark per sender and lane, a pass that emptied its lane ends without reading it again; issue #18).</summary>
    private const int MaxReads = 2;

    /// <summary>Writes that store the message's body: the acceptance; the outbox and inbox rows name it (issue #18).</summary>
    private const int BodyWrites = 1;

    /// <summary>
    /// Today's encodes and strict decodes of a message submitted as a value (submit version 1): one encode at the silo's
    /// edge, which validation's size check, the signature check, the claim hash and the acceptance row share (issue #18:
    /// there were four); the decodes are the pump's and the fetch's.
    /// </summary>
    private const int MaxEncodes = 1;
    private const int MaxDecodes = 2;

    /// <summary>
    /// Submitted as bytes (version 2): no encode in the silo (the gateway's one encode is the gateway's), one strict decode
    /// at its edge; the pump's and the fetch's decodes are still there (the delivery batch and the fetch carry envelopes).
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
        Assert.True(work.Decodes is > 0 and <= MaxDecodes, $"decodes: {work}");
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
        Assert.Equal(envelope.MsgId, Assert.Single(fetched).Envelope.MsgId);
        Assert.Empty((await recipient.AcknowledgeAsync([envelope.MsgId])).Errors);
        await QuietAsync();

        return new MessageWork(mesh.Counting.Work().Since(before), codec.Encodes, codec.Decodes);
    }

    private Task QuietAsync() => mesh.Counting.QuietAsync(quiet: TimeSpan.FromSeconds(1), within: TimeSpan.FromSeconds(120));
}
