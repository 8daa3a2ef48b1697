using System.Text;
using Article42.Mesh.Storage.Tests.Backends;

namespace Article42.Mesh.Storage.Tests.Compliance;

/// <summary>
/// Write and fetch cost must not grow with a stream's history or a queue's backlog. Checked on the server, not on a
/// clock: the backend's plan for each hot query is an index look-up, and the work the server does for it (SQLite's
/// virtual machine instructions, PostgreSQL's rows examined) on a 100k-entry stream and queue is that on a 10-entry
/// one, give or take <see cref="Slack"/>. How fast is a benchmark's question (<c>tests/Article42.Mesh.Storage.Bench</c>).
/// </summary>
public abstract class LargeStreamCompliance(JournalBackend backend) : IAsyncDisposable
{
    private const int Size = 100_000;
    private const int Batch = 5_000;
    private const int Small = 10;

    /// <summary>
    /// The work a query may do on the large store beyond what it does on the small one. A deeper index costs no more
    /// instructions or rows, but a page after a cursor on the large queue fills both halves of its union (the rest of
    /// the cursor's precedence, then the lower ones) where the small queue's fills one: a page of rows more, some 25
    /// SQLite instructions each. A walk along the large queue or stream costs hundreds of thousands.
    /// </summary>
    private const long Slack = 128;

    [Fact]
    public async Task Hot_queries_do_the_same_work_on_100k_entry_streams_and_queues_as_on_10_entry_ones()
    {
        var journal = await backend.OpenAsync("large");
        var random = new Random(7);
        for (var start = 0; start < Size; start += Batch)
        {
            var entries = Enumerable.Range(start + 1, Batch).Select(v => new JournalEntry("bulk", Encoding.UTF8.GetBytes($"big entry {v}"), $"big-{v}")).ToList();
            var rows = Enumerable.Range(start + 1, Batch).Select(s => new QueueChange.Upsert(new QueuedEntry("big-q", s, random.Next(6), [1, 2, 3]))).ToList();
            Assert.IsType<AppendResult.Appended>(await journal.AppendAsync("big", start, entries, rows));
        }

        await journal.AppendAsync("small", 0, [.. Enumerable.Range(1, Small).Select(v => new JournalEntry("bulk", [1], $"small-{v}"))],
            [.. Enumerable.Range(1, Small).Select(s => new QueueChange.Upsert(new QueuedEntry("small-q", s, s % 6, [1, 2, 3])))]);
        Assert.Equal(Size, await journal.GetVersionAsync("big"));

        foreach (var query in Enum.GetValues<JournalQuery>())
        {
            var plan = await backend.PlanAsync("large", query, query == JournalQuery.FindByMessageId ? "big-500" : query == JournalQuery.ReadStreamTail ? "big" : "big-q");
            Assert.True(backend.UsesIndexOnly(plan), $"{query} does not use an index only:\n{plan}");
        }

        // The same page on each: the stream's last ten entries, a page of the queue after a cursor half-way down.
        var bigCursor = (await journal.FetchQueuedAsync("big-q", Size / 2)).Last().Position;
        var smallCursor = (await journal.FetchQueuedAsync("small-q", Small / 2)).Last().Position;
        var cases = new Dictionary<JournalQuery, (QueryArguments Small, QueryArguments Big)>
        {
            [JournalQuery.ReadStreamTail] = (new("small", FromVersion: 1), new("big", FromVersion: Size - Small + 1)),
            [JournalQuery.FetchQueuedFirst] = (new("small-q"), new("big-q")),
            [JournalQuery.FetchQueuedAfter] = (new("small-q", After: smallCursor), new("big-q", After: bigCursor)),
            [JournalQuery.FindByMessageId] = (new("small-5"), new("big-50000")),
        };
        Assert.Equal(Enum.GetValues<JournalQuery>().Order(), cases.Keys.Order());
        foreach (var (query, (small, big)) in cases)
        {
            var smallWork = await backend.WorkAsync("large", query, small);
            var bigWork = await backend.WorkAsync("large", query, big);
            TestContext.Current.TestOutputHelper?.WriteLine($"{query}: {smallWork} at {Small} entries, {bigWork} at {Size}");
            Assert.True(smallWork > 0, $"{query}: no work counted at all");
            Assert.True(bigWork <= smallWork + Slack, $"{query}: work {bigWork} at {Size} entries against {smallWork} at {Small} (slack {Slack})");
        }

        // And the journal still appends to and reads from the large stream and queue through its contract.
        Assert.IsType<AppendResult.Appended>(await journal.AppendAsync("big", Size, [new JournalEntry("one", [1])]));
        Assert.Equal(QueryArguments.PageSize, (await journal.FetchQueuedAsync("big-q", QueryArguments.PageSize, bigCursor)).Count);
        Assert.Equal(2, (await Journals.ReadAllAsync(journal, "big", Size)).Count);
    }

    public async ValueTask DisposeAsync()
    {
        await backend.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
