using Article42.Mesh.Storage.Tests.Backends;
using static Article42.Mesh.Storage.Tests.Compliance.Journals;

namespace Article42.Mesh.Storage.Tests.Compliance;

/// <summary>Many streams writing at once share transactions without mixing up or dropping anything.</summary>
public abstract class GroupCommitCompliance(JournalBackend backend) : IAsyncDisposable
{
    [Fact]
    public async Task Group_commit_under_32_concurrent_streams_keeps_every_stream_in_order_and_loses_nothing()
    {
        const int Streams = 32;
        const int AppendsPerStream = 30;
        using var clock = new GatedClock();
        var journal = await backend.OpenAsync(time: clock);

        // Proof that writes share commits, whatever the scheduler does: the writer is held on a group of one write
        // while every stream's first append queues behind it, and those 32 appends then commit as one transaction.
        clock.Close();
        var held = journal.AppendAsync("held", 0, EntriesAt("held", 1, 1)).AsTask();
        await clock.HoldingAsync("the writer holding the group of the first append");
        var firsts = Enumerable.Range(0, Streams)
            .Select(s => journal.AppendAsync($"stream-{s}", 0, EntriesAt($"stream-{s}", 1, 1 + (s % 3)), [Queued(s, 0)]).AsTask())
            .ToList();
        clock.Open();
        Assert.Equal(1, NewVersion(await held));
        var versions = (await Task.WhenAll(firsts)).Select(NewVersion).ToList();
        var statistics = journal.Statistics;
        Assert.Equal((Transactions: 2L, Operations: 1L + Streams), (statistics.Transactions, statistics.Operations));

        await Task.WhenAll(Enumerable.Range(0, Streams).Select(s => Task.Run(async () =>
        {
            var streamId = $"stream-{s}";
            var version = versions[s];
            for (var i = 1; i < AppendsPerStream; i++)
            {
                var count = 1 + ((s + i) % 3);
                version = NewVersion(await journal.AppendAsync(streamId, version, EntriesAt(streamId, version + 1, count), [Queued(s, i)]));
            }
        })));

        for (var s = 0; s < Streams; s++)
        {
            var streamId = $"stream-{s}";
            var entries = await ReadAllAsync(journal, streamId);
            Assert.Equal(Enumerable.Range(0, AppendsPerStream).Sum(i => 1 + ((s + i) % 3)), entries.Count);
            AssertContiguousAndWhole(streamId, entries);
            Assert.Equal(AppendsPerStream, (await journal.FetchQueuedAsync($"outbox-{s}", 1000)).Count);
        }

        Assert.Equal(1 + (Streams * AppendsPerStream), journal.Statistics.Operations);
    }

    [Fact]
    public async Task A_conflicting_append_in_a_group_fails_alone_and_the_rest_of_the_group_commits()
    {
        var journal = await backend.OpenAsync();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(s => journal.AppendAsync($"s{s}", 0, EntriesAt($"s{s}", 1, 1)).AsTask()));

        // Half of these are stale; all are submitted together so they land in the same groups.
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(s =>
            journal.AppendAsync($"s{s}", s % 2 == 0 ? 1 : 0, EntriesAt($"s{s}", 2, 2), [new QueueChange.Upsert(new QueuedEntry($"q{s}", 1, 0, [1]))]).AsTask()));

        for (var s = 0; s < 16; s++)
        {
            var entries = await ReadAllAsync(journal, $"s{s}");
            if (s % 2 == 0)
            {
                Assert.Equal(3, NewVersion(results[s]));
                AssertContiguousAndWhole($"s{s}", entries);
                Assert.Equal(3, entries.Count);
                Assert.NotNull(await journal.GetQueuedAsync($"q{s}", 1));
            }
            else
            {
                Assert.Equal(new AppendResult.Conflict(0, 1), results[s]);
                Assert.Single(entries);
                Assert.Null(await journal.GetQueuedAsync($"q{s}", 1));
            }
        }
    }

    private static QueueChange.Upsert Queued(int stream, int append) =>
        new(new QueuedEntry($"outbox-{stream}", append, append % 4, [(byte)append]));

    public async ValueTask DisposeAsync()
    {
        await backend.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
