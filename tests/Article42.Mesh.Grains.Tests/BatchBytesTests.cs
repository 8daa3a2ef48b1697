namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// The byte cap on what one silo-to-silo delivery batch and one fetch carry (<see cref="MeshDefaults.BatchPayloadBytes"/>,
/// 4 MiB, issue 16 item 4): 20 envelopes near the 256 KiB limit (about 5 MB) never cross in one message; each batch and
/// each fetch stops before the envelope that would pass the cap, and everything still arrives, in order.
/// </summary>
public sealed class BatchBytesTests(BatchBytesFixture mesh) : IClassFixture<BatchBytesFixture>
{
    private const int Envelopes = 20;
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_full_outbox_crosses_in_delivery_batches_of_at_most_the_byte_cap_each_filled_to_it_and_all_of_it_arrives_in_order()
    {
        var recipient = mesh.Gateway(BatchBytesFixture.HeldRecipient);
        await recipient.OpenAsync();
        mesh.Deliveries.Held = true;
        List<string> sent;
        try
        {
            sent = await SendNearTheLimitAsync("SE", BatchBytesFixture.HeldRecipient);
        }
        finally
        {
            mesh.Deliveries.Held = false;
        }

        await Deadline.UntilAsync(() => mesh.Deliveries.Delivered.Sum(b => b.MessageIds.Length) >= Envelopes, Within, $"{Envelopes} envelopes delivered to {BatchBytesFixture.HeldRecipient}");
        var batches = mesh.Deliveries.Delivered;
        Assert.All(batches, b => Assert.True(b.Bytes <= MeshDefaults.BatchPayloadBytes, $"a delivery batch of {b.MessageIds.Length} envelopes, {b.Bytes} bytes"));
        // The outbox held all 20 (about 5 MB) when the hold ended: a batch filled to within one envelope of the cap shows the
        // cap, not the outbox, ended it.
        Assert.Contains(batches, b => b.Bytes > MeshDefaults.BatchPayloadBytes - Limits.EnvelopeBytes);
        Assert.Equal(sent, batches.SelectMany(b => b.MessageIds));

        var received = await recipient.ReceiveAsync(sent, Within);
        Assert.Equal(sent, received.OrderBy(m => m.Sequence).Select(m => m.Envelope.MsgId));
    }

    [Fact]
    public async Task A_full_inbox_is_fetched_in_fetches_of_at_most_the_byte_cap_each_filled_to_it_and_all_of_it_in_order()
    {
        const string Recipient = "NL";
        var recipient = mesh.Gateway(Recipient);
        await recipient.OpenAsync();
        var sent = await SendNearTheLimitAsync("BE", Recipient);
        var inbox = mesh.SiloGrains.GetGrain<IParticipantGrain>(Recipient);
        await Deadline.UntilAsync(async () => await inbox.BacklogAsync() == Envelopes, Within, $"{Envelopes} envelopes in the inbox of {Recipient}");

        var fetches = new List<ImmutableArray<InboxMessage>>();
        while (fetches.Sum(f => f.Length) < Envelopes)
        {
            var fetch = await recipient.FetchAsync();
            Assert.NotEmpty(fetch);
            fetches.Add(fetch);
        }

        var bytes = fetches.Select(f => f.Sum(m => (long)EnvelopeCodec.Encode(m.Envelope).Length)).ToList();
        Assert.All(bytes, b => Assert.True(b <= MeshDefaults.BatchPayloadBytes, $"a fetch of {b} bytes ({string.Join(", ", bytes)})"));
        // The first fetch met all 20 (about 5 MB): it stopped within one envelope of the cap.
        Assert.True(bytes[0] > MeshDefaults.BatchPayloadBytes - Limits.EnvelopeBytes, $"the first fetch carried {bytes[0]} bytes");
        Assert.Equal(sent, fetches.SelectMany(f => f).Select(m => m.Envelope.MsgId));
        Assert.Empty((await recipient.AcknowledgeAsync(sent)).Errors);
    }

    /// <summary>Sends 20 SITREPs whose five long texts of euro signs encode to between 240 KiB and the 256 KiB limit each; returns their ids in order.</summary>
    private async Task<List<string>> SendNearTheLimitAsync(string from, string to)
    {
        var text = new string('€', Limits.LongText);
        var sender = mesh.Gateway(from);
        var sent = new List<string>();
        for (var i = 0; i < Envelopes; i++)
        {
            var envelope = TestKeys.Signed(from, [to], change: e => e with
            {
                SchemaVersion = SchemaVersions.V1_1_0,
                Payload = ((SitrepBody)e.Payload!) with { Situation = text, ThreatAssessment = text, CasualtiesDamage = text, ActionsTaken = text, HnsStatus = text },
            });
            Assert.InRange(EnvelopeCodec.Encode(envelope).Length, 240 * 1024, Limits.EnvelopeBytes);
            sent.Add((await sender.SendAsync(envelope)).MessageId);
        }
        return sent;
    }
}
