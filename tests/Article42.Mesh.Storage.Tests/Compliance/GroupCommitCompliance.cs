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
        var journal = await backend.OpenAsync();

        await Task.WhenAll(Enumerable.Range(0, Streams).Select(s => Task.Run(async () =>
        {
            var streamId = $"stream-{s}";
            long version = 0;
            for (var i = 0; i < AppendsPerStream; i++)
            {
                var count = 1 + ((s + i) % 3);
                var queued = new QueueChange.Upsert(new QueuedEntry($"outbox-{s}", i, i % 4, [(byte)i]));
                version = NewVersion(await journal.AppendAsync(streamId, version, EntriesAt(streamId, version + 1, count), [queued]));
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

        // Proof that writes actually shared commits: fewer transactions than writes.
        var statistics = journal.Statistics;
        Assert.Equal(Streams * AppendsPerStream, statistics.Operations);
        Assert.True(statistics.Transactions < statistics.Operations, $"no group commit happened: {statistics}");
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

    public async ValueTask DisposeAsync()
    {
        await backend.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
