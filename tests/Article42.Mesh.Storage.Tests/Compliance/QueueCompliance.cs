using Article42.Mesh.Storage.Tests.Backends;
using static Article42.Mesh.Storage.Tests.Compliance.Journals;

namespace Article42.Mesh.Storage.Tests.Compliance;

/// <summary>Inbox and outbox rows: addressed by (queue, sequence), fetched by precedence then sequence, changed atomically with appends.</summary>
public abstract class QueueCompliance(JournalBackend backend) : IAsyncDisposable
{
    [Fact]
    public async Task Fetch_with_mixed_precedences_returns_highest_precedence_first_then_lowest_sequence_page_by_page()
    {
        var journal = await backend.OpenAsync();
        int[] precedences = [0, 1, 2, 3, 4, 5, 16, 31];
        var random = new Random(42);
        var rows = Enumerable.Range(1, 300)
            .Select(sequence => new QueuedEntry("inbox", sequence, precedences[random.Next(precedences.Length)], [(byte)sequence], $"m-{sequence}"))
            .ToList();

        // Written in shuffled order and in several appends, like deliveries arriving over time.
        var version = 0L;
        foreach (var chunk in rows.OrderBy(_ => random.Next()).Chunk(50))
        {
            version = NewVersion(await journal.AppendAsync("participant", version, [Entry("received")], [.. chunk.Select(r => new QueueChange.Upsert(r))]));
        }

        await journal.AppendAsync("participant", version, [], [new QueueChange.Upsert(new QueuedEntry("other-inbox", 1, 31, [9]))]);

        var fetched = new List<QueuedEntry>();
        QueuePosition? cursor = null;
        while (true)
        {
            var page = await journal.FetchQueuedAsync("inbox", 7, cursor);
            Assert.True(page.Count <= 7);
            if (page.Count == 0)
            {
                break;
            }

            fetched.AddRange(page);
            cursor = page[^1].Position;
        }

        var expected = rows.OrderByDescending(r => r.Precedence).ThenBy(r => r.Sequence).ToList();
        Assert.Equal(expected.Select(r => (r.Precedence, r.Sequence)), fetched.Select(r => (r.Precedence, r.Sequence)));
        Assert.All(fetched, r => Assert.Equal($"m-{r.Sequence}", r.MessageId));
        Assert.Equal(expected.Take(5).Select(r => r.Sequence), (await journal.FetchQueuedAsync("inbox", 5)).Select(r => r.Sequence));
        Assert.Equal(300, await journal.CountQueuedAsync("inbox"));
        Assert.Equal(1, await journal.CountQueuedAsync("other-inbox"));
        Assert.Equal(0, await journal.CountQueuedAsync("no-such-queue"));
    }

    [Fact]
    public async Task A_row_naming_its_origin_entry_stores_no_copy_of_the_payload_and_every_read_returns_the_origins()
    {
        var journal = await backend.OpenAsync("origin");
        var body = Enumerable.Range(0, 1600).Select(i => (byte)i).ToArray();
        var acceptance = new EntryAddress("participant/S", 1);
        // The acceptance and its outbox row in one append, the inbox row in the recipient's stream later: neither stores
        // the body, even when the caller hands it over (only the row without an origin keeps its two bytes).
        await journal.AppendAsync("participant/S", 0, [new JournalEntry("accepted", body, "m-1")],
            [new QueueChange.Upsert(new QueuedEntry("out/S/R", 1, 2, body, "m-1", acceptance))]);
        await journal.AppendAsync("participant/R", 0, [Entry("received", "m-1")],
            [new QueueChange.Upsert(new QueuedEntry("in/R", 1, 2, [], "m-1", acceptance)), new QueueChange.Upsert(new QueuedEntry("in/R", 2, 2, [7, 7], "m-2"))]);

        Assert.Equal(2, await backend.QueuePayloadBytesAsync("origin"));
        foreach (var row in new[]
        {
            Assert.Single(await journal.FetchQueuedAsync("out/S/R", 10)),
            (await journal.FetchQueuedInBandAsync("in/R", 2, 0, 10))[0],
            (await journal.FetchQueuedAsync("in/R", 10, new QueuePosition(3, 0)))[0],
            (await journal.GetQueuedAsync("in/R", 1))!,
        })
        {
            Assert.Equal(body, row.Payload);
            Assert.Equal(acceptance, row.Origin);
        }

        var copy = (await journal.FetchQueuedInBandAsync("in/R", 2, 1, 10))[0];
        Assert.Equal(new byte[] { 7, 7 }, copy.Payload);
        Assert.Null(copy.Origin);
    }

    [Fact]
    public async Task Fetch_in_one_band_pages_that_precedence_by_sequence_and_returns_no_row_of_another_band_or_queue()
    {
        var journal = await backend.OpenAsync();
        var rows = Enumerable.Range(1, 60).Select(sequence => new QueuedEntry("inbox", sequence, sequence % 3, [(byte)sequence], $"m-{sequence}")).ToList();
        await journal.AppendAsync("participant", 0, [Entry("received")], [.. rows.Select(r => new QueueChange.Upsert(r)), new QueueChange.Upsert(new QueuedEntry("other-inbox", 100, 1, [1]))]);

        var band = new List<QueuedEntry>();
        for (var after = 0L; await journal.FetchQueuedInBandAsync("inbox", 1, after, 6) is { Count: > 0 } page; after = page[^1].Sequence)
        {
            Assert.True(page.Count <= 6);
            band.AddRange(page);
        }
        Assert.Equal(rows.Where(r => r.Precedence == 1).Select(r => r.Sequence), band.Select(r => r.Sequence));
        Assert.All(band, r => Assert.Equal(("inbox", 1), (r.QueueId, r.Precedence)));
        Assert.Empty(await journal.FetchQueuedInBandAsync("inbox", 4, 0, 10));
        Assert.Equal([58L], (await journal.FetchQueuedInBandAsync("inbox", 1, 55, 10)).Select(r => r.Sequence));
    }

    [Fact]
    public async Task Queue_changes_commit_with_their_append_or_not_at_all()
    {
        var journal = await backend.OpenAsync();
        var row = new QueuedEntry("outbox", 1, 3, [1, 2, 3], "m-1");
        Assert.Equal(1, NewVersion(await journal.AppendAsync("sender", 0, [Entry("accepted", "m-1")], [new QueueChange.Upsert(row)])));

        // A stale append carries a removal and a new row: neither may happen.
        var stale = await journal.AppendAsync("sender", 0, [Entry("delivered", "m-1")], [new QueueChange.Remove("outbox", 1), new QueueChange.Upsert(row with { Sequence = 2 })]);
        Assert.Equal(new AppendResult.Conflict(0, 1), stale);
        Assert.Equal(row.Payload, (await journal.GetQueuedAsync("outbox", 1))?.Payload);
        Assert.Null(await journal.GetQueuedAsync("outbox", 2));

        Assert.Equal(2, NewVersion(await journal.AppendAsync("sender", 1, [Entry("delivered", "m-1")], [new QueueChange.Remove("outbox", 1)])));
        Assert.Null(await journal.GetQueuedAsync("outbox", 1));
        Assert.Empty(await journal.FetchQueuedAsync("outbox", 10));
    }

    [Fact]
    public async Task Upsert_replaces_the_row_at_its_sequence_and_the_last_change_to_a_row_in_one_append_wins()
    {
        var journal = await backend.OpenAsync();
        await journal.AppendAsync("p", 0, [], [new QueueChange.Upsert(new QueuedEntry("q", 7, 1, [1]))]);

        // A delivery report is a state change of the outbox row, not a new row.
        await journal.AppendAsync("p", 0, [], [new QueueChange.Upsert(new QueuedEntry("q", 7, 4, [2], "m-7"))]);
        Assert.Equal(new QueuedEntry("q", 7, 4, [2], "m-7").Position, (await journal.GetQueuedAsync("q", 7))?.Position);
        Assert.Equal([2], (await journal.GetQueuedAsync("q", 7))!.Payload);

        await journal.AppendAsync("p", 0, [], [new QueueChange.Remove("q", 7), new QueueChange.Upsert(new QueuedEntry("q", 7, 0, [3]))]);
        Assert.Equal([3], (await journal.GetQueuedAsync("q", 7))!.Payload);
        await journal.AppendAsync("p", 0, [], [new QueueChange.Upsert(new QueuedEntry("q", 7, 0, [4])), new QueueChange.Remove("q", 7)]);
        Assert.Null(await journal.GetQueuedAsync("q", 7));
    }

    public async ValueTask DisposeAsync()
    {
        await backend.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
