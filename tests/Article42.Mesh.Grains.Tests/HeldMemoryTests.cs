using System.Diagnostics.Metrics;

namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// Memory per participant activation against its backlog (issue #18): the bodies an activation holds stay within
/// <see cref="DeliveryOptions.HeldBytesCap"/> however many unacknowledged messages its inbox has; past the cap a band
/// keeps no row in memory, not even its position. Measured two ways and printed: the activation's own account (the
/// <c>a42.participant.held_bytes</c> gauge) and the managed heap it holds (the heap with the activation, less the heap
/// once it is deactivated, each read once collection has settled: <see cref="SettledHeap"/>). The heap is process-wide,
/// so these tests run alone.
/// </summary>
[Collection(nameof(HeldMemoryTests))]
[CollectionDefinition(nameof(HeldMemoryTests), DisableParallelization = true)]
public sealed class HeldMemoryTests(HeldMemoryFixture mesh) : IClassFixture<HeldMemoryFixture>
{
    [Theory]
    [InlineData(0, "IE", "CZ")]
    [InlineData(10_000, "DK", "RO")]
    public async Task An_activations_held_bodies_stay_within_the_cap_whatever_its_backlog(int backlog, string from, string to)
    {
        var (sender, recipient) = (mesh.Gateway(from), mesh.Gateway(to));
        await sender.OpenAsync(consuming: false);
        await recipient.OpenAsync();
        await sender.SendAllAsync(Enumerable.Range(0, backlog).Select(_ => TestKeys.Signed(from, [to], change: Deferred)));
        await Deadline.UntilAsync(async () => await mesh.Journal.CountQueuedAsync($"in/{to}") >= backlog, TimeSpan.FromSeconds(300), $"{backlog} copies in the inbox of {to}");
        await Deadline.UntilAsync(async () => await mesh.Journal.CountQueuedAsync($"out/{from}/{to}") == 0, TimeSpan.FromSeconds(60), $"the outbox of {from} to {to} to be recorded delivered");
        await mesh.Counting.QuietAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

        var held = HeldBytesOf(to);
        var withActivation = SettledHeap.Bytes();
        await mesh.Cluster.DeactivateAsync(recipient.Grain);
        await Deadline.UntilAsync(() => Task.FromResult(HeldBytesOf(to) < 0), TimeSpan.FromSeconds(30), $"the activation of {to} to go");
        var heap = withActivation - SettledHeap.Bytes();

        var stored = EnvelopeCodec.Encode(TestKeys.Signed(from, [to], change: Deferred)).Length;
        TestContext.Current.TestOutputHelper?.WriteLine($"backlog {backlog} of {stored}-byte messages: held bodies {held / 1024.0:0} KiB of a {HeldMemoryFixture.Cap / 1024} KiB cap; managed heap held by the activation {heap / 1024.0:0} KiB");
        Assert.InRange(held, 0, HeldMemoryFixture.Cap);
        if (backlog > 0)
            Assert.True(held > HeldMemoryFixture.Cap / 2, $"a backlog of {backlog} fills most of the cap: {held} bytes held");
        // A held message costs about three times its stored bytes in objects (the decoded envelope beside the bytes), so the
        // bound is four times the cap; an activation that kept the whole backlog would hold about 80 MiB.
        Assert.True(heap < 4 * HeldMemoryFixture.Cap, $"the activation held {heap} bytes of heap");
    }

    /// <summary>
    /// A DEFERRED situation report of about 3 KiB: a backlog of them is several times the cap, so an activation that kept
    /// every body would hold several times the heap bound.
    /// </summary>
    private static Envelope Deferred(Envelope envelope) => envelope with
    {
        PrecedenceAction = Precedence.Deferred,
        Payload = (SitrepBody)envelope.Payload! with { Situation = new string('s', 2 * 1024) },
    };

    /// <summary>The held bytes the live activation of <paramref name="participant"/> reports; -1 when none is live.</summary>
    private static long HeldBytesOf(string participant)
    {
        long held = -1;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meters) =>
        {
            if (instrument.Name == "a42.participant.held_bytes")
                meters.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "a42.participant" && tag.Value as string == participant)
                    held = Math.Max(held, value);
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return held;
    }
}
