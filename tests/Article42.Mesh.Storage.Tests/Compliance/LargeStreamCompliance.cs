using System.Diagnostics;
using System.Text;
using Article42.Mesh.Storage.Tests.Backends;

namespace Article42.Mesh.Storage.Tests.Compliance;

/// <summary>
/// Write and fetch cost must not grow with a stream's history or a queue's backlog. Checked two ways: the
/// backend's own plan for each hot query is an index look-up, and timings on a 100k-entry stream and queue
/// stay within a small factor of those on a 10-entry one, sampled alternately so machine noise hits both.
/// </summary>
public abstract class LargeStreamCompliance(JournalBackend backend) : IAsyncDisposable
{
    private const int Size = 100_000;
    private const int Batch = 5_000;
    private const int Samples = 41;

    [Fact]
    public async Task Append_and_fetch_cost_stays_flat_on_100k_entry_streams_and_queues()
    {
        var journal = await backend.OpenAsync("large");
        var random = new Random(7);
        for (var start = 0; start < Size; start += Batch)
        {
            var entries = Enumerable.Range(start + 1, Batch).Select(v => new JournalEntry("bulk", Encoding.UTF8.GetBytes($"big entry {v}"), $"big-{v}")).ToList();
            var rows = Enumerable.Range(start + 1, Batch).Select(s => new QueueChange.Upsert(new QueuedEntry("big-q", s, random.Next(6), [1, 2, 3]))).ToList();
            Assert.IsType<AppendResult.Appended>(await journal.AppendAsync("big", start, entries, rows));
        }

        await journal.AppendAsync("small", 0, [.. Enumerable.Range(1, 10).Select(v => new JournalEntry("bulk", [1], $"small-{v}"))],
            [.. Enumerable.Range(1, 10).Select(s => new QueueChange.Upsert(new QueuedEntry("small-q", s, s % 6, [1, 2, 3])))]);
        Assert.Equal(Size, await journal.GetVersionAsync("big"));

        foreach (var query in Enum.GetValues<JournalQuery>())
        {
            var plan = await backend.PlanAsync("large", query, query == JournalQuery.FindByMessageId ? "big-500" : query == JournalQuery.ReadStreamTail ? "big" : "big-q");
            Assert.True(backend.UsesIndexOnly(plan), $"{query} does not use an index only:\n{plan}");
        }

        var bigCursor = (await journal.FetchQueuedAsync("big-q", Size / 2)).Last().Position;
        var smallCursor = (await journal.FetchQueuedAsync("small-q", 5)).Last().Position;
        var small = new Timings();
        var big = new Timings();
        var versions = new Dictionary<string, long> { ["small"] = 10, ["big"] = Size };
        for (var i = 0; i < Samples; i++)
        {
            foreach (var (stream, timings, queue, cursor) in new[] { ("small", small, "small-q", smallCursor), ("big", big, "big-q", bigCursor) })
            {
                var clock = Stopwatch.StartNew();
                versions[stream] = Journals.NewVersion(await journal.AppendAsync(stream, versions[stream], [new JournalEntry("one", [1])]));
                timings.Append.Add(clock.Elapsed);

                clock.Restart();
                Assert.NotEmpty(await journal.FetchQueuedAsync(queue, 10, cursor));
                timings.Fetch.Add(clock.Elapsed);
            }
        }

        AssertFlat("append", small.Append, big.Append);
        AssertFlat("fetch after a cursor", small.Fetch, big.Fetch);
        Assert.Equal(Samples + 1, (await Journals.ReadAllAsync(journal, "big", Size)).Count);
    }

    public async ValueTask DisposeAsync()
    {
        await backend.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    // Generous on purpose: an O(n) path at 100k rows costs hundreds of times more, not three.
    private static void AssertFlat(string what, List<TimeSpan> small, List<TimeSpan> big)
    {
        var smallMedian = small.Order().ElementAt(small.Count / 2);
        var bigMedian = big.Order().ElementAt(big.Count / 2);
        Assert.True(
            bigMedian <= (smallMedian * 3) + TimeSpan.FromMilliseconds(2),
            $"{what}: median {bigMedian.TotalMilliseconds:0.###} ms at {Size} rows vs {smallMedian.TotalMilliseconds:0.###} ms at 10");
    }

    private sealed class Timings
    {
        public List<TimeSpan> Append { get; } = [];

        public List<TimeSpan> Fetch { get; } = [];
    }
}
