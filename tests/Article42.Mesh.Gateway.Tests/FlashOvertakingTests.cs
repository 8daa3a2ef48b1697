using Article42.Mesh.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Article42.Mesh.Gateway.Tests;

/// <summary>
/// Issue 18's gated-journal test: a FLASH sent behind 500 queued ROUTINE messages is handed on before the ROUTINE ones
/// still waiting at every stage of the path (docs/design/architecture.md §4): out of the sender's outbox, into the
/// recipient's inbox, out of a fetch, out of the SDK's buffer. A few ROUTINE wait unread in LT's buffer, then LT's
/// inbox write is held at a gate while FR's outbox fills, so every stage has ROUTINE work queued ahead of the FLASH
/// when it arrives there.
/// </summary>
public sealed class FlashOvertakingTests
{
    private const int RoutineCount = 500;

    /// <summary>ROUTINE messages fetched into LT's buffer before the gate closes.</summary>
    private const int Buffered = 16;
    private const string InboxStream = "participant/LT";

    [Fact]
    public async Task A_flash_sent_behind_500_queued_routine_messages_overtakes_them_out_of_the_outbox_into_the_inbox_out_of_a_fetch_and_out_of_ReceiveAsync()
    {
        var cancel = TestContext.Current.CancellationToken;
        GatedJournal gate = null!;
        var deliveries = new DeliveryCalls();
        var fetches = new FetchCalls();
        // A long delivery timeout: the ROUTINE batch held at the gate is waiting, not lost, and must not be re-sent.
        await using var mesh = await MeshCluster.StartAsync(settings: new Dictionary<string, string?> { ["Delivery:CallTimeout"] = "00:02:00" }, services: services =>
        {
            var journal = services.Last(d => d.ServiceType == typeof(IMessageJournal)).ImplementationInstance as IMessageJournal
                ?? throw new InvalidOperationException("the mesh registered no journal instance");
            gate = new GatedJournal(journal);
            services.AddSingleton<IMessageJournal>(gate);
            services.AddSingleton<IOutgoingGrainCallFilter>(deliveries);
            services.AddSingleton<IIncomingGrainCallFilter>(fetches);
        });
        await using var fr = mesh.Gateway("FR");
        await using var lt = mesh.Gateway("LT");
        // LT's gateway fetches into its buffer from now on (the events stream starts its inbox); its application reads
        // nothing until the end, so the buffer holds what arrived, in the order it arrived.
        _ = lt.EventsAsync(cancel);

        // The first few ROUTINE reach LT's buffer before anything else happens: the application has not read them yet.
        var routine = new List<string>(RoutineCount);
        async Task SendRoutineAsync(int count)
        {
            for (var i = 0; i < count; i++)
                routine.Add((await fr.SendAsync(Messages.Draft("FR", ["LT"]) with { PrecedenceAction = Precedence.Routine }, cancel)).MessageId);
        }
        await SendRoutineAsync(Buffered);
        await Deadline.UntilAsync(() => Entries(gate, "fetched").Distinct().Count() == Buffered, TimeSpan.FromSeconds(30), $"LT's gateway to fetch the first {Buffered} ROUTINE");

        gate.Hold((stream, entries) => stream == InboxStream && entries.Any(e => e.Type == "received"));
        await SendRoutineAsync(RoutineCount - Buffered);
        await Deadline.UntilAsync(() => gate.Waiting > 0, TimeSpan.FromSeconds(30), "the first ROUTINE batch to wait at LT's inbox write");
        var flash = (await fr.SendAsync(Messages.Draft("FR", ["LT"], MessageKind.IncidentReport) with { PrecedenceAction = Precedence.Flash }, cancel)).MessageId;

        // Out of FR's outbox: the FLASH leaves while the ROUTINE batch in flight is still held, and no other ROUTINE before it.
        await Deadline.UntilAsync(() => deliveries.Calls.Any(c => Carries(c.Batch, flash)), TimeSpan.FromSeconds(20),
            "the FLASH to leave FR's outbox while the ROUTINE batch ahead of it waits at LT's inbox write");
        Assert.True(gate.Waiting > 0, "the ROUTINE batch ahead of the FLASH was still held when the FLASH left the outbox");
        var calls = deliveries.Calls.Where(c => c.Recipient == "LT").Select(c => c.Batch).ToList();
        var inFlightBefore = calls.TakeWhile(b => !Carries(b, flash)).SelectMany(b => b.Envelopes.Select(e => e.MsgId)).ToHashSet();
        Assert.True(inFlightBefore.Count < RoutineCount, $"all {RoutineCount} ROUTINE left the outbox before the FLASH");
        TestContext.Current.TestOutputHelper?.WriteLine($"{inFlightBefore.Count - Buffered} ROUTINE were in flight when the FLASH left FR's outbox");

        gate.Release();
        await Deadline.UntilAsync(() => Entries(gate, "fetched").Distinct().Count() == RoutineCount + 1, TimeSpan.FromSeconds(120), "LT's gateway to fetch all 501 messages");
        // The gateway buffers a whole fetch before it fetches again: one more fetch and everything fetched is buffered.
        var begun = fetches.Of("LT");
        await Deadline.UntilAsync(() => fetches.Of("LT") > begun, TimeSpan.FromSeconds(20), "LT's gateway to fetch once more");

        // Into LT's inbox: only ROUTINE that left the outbox before the FLASH was stored before it.
        var stored = Entries(gate, "received").ToList();
        Assert.Subset(inFlightBefore, stored.TakeWhile(id => id != flash).ToHashSet());
        // Out of a fetch: only ROUTINE stored before the FLASH was handed to the gateway before it.
        var storedBefore = stored.TakeWhile(id => id != flash).ToHashSet();
        var fetchedBefore = Entries(gate, "fetched").Distinct().TakeWhile(id => id != flash).ToHashSet();
        Assert.Subset(storedBefore, fetchedBefore);
        TestContext.Current.TestOutputHelper?.WriteLine($"stored before the FLASH: {storedBefore.Count}; fetched before it: {fetchedBefore.Count}");

        // Out of ReceiveAsync: the FLASH first, although ROUTINE fetched before it (at least the first few) waits in the
        // buffer; ROUTINE in the order sent.
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        reading.CancelAfter(Deadline.Scaled(TimeSpan.FromSeconds(60)));
        var handed = new List<string>(RoutineCount + 1);
        await foreach (var message in lt.ReceiveAsync(reading.Token))
        {
            handed.Add(message.Envelope.MsgId);
            if (handed.Count == RoutineCount + 1)
                break;
        }
        Assert.Equal(flash, handed[0]);
        Assert.Equal(routine, handed.Skip(1));
    }

    private static bool Carries(DeliveryBatch batch, string messageId) => batch.Envelopes.Any(e => e.MsgId == messageId);

    /// <summary>The message ids of LT's committed entries of <paramref name="type"/>, in commit order.</summary>
    private static IEnumerable<string> Entries(GatedJournal gate, string type) =>
        gate.Committed.Where(c => c.StreamId == InboxStream && c.Entry.Type == type).Select(c => c.Entry.MessageId!);
}
