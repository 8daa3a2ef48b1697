using Article42.Mesh.Storage.Tests.Backends;
using Article42.Mesh.TestKit;
using static Article42.Mesh.Storage.Tests.Compliance.Journals;

namespace Article42.Mesh.Storage.Tests.Compliance;

/// <summary>Appending, reading, optimistic concurrency and snapshots on one stream.</summary>
public abstract class StreamCompliance(JournalBackend backend) : IAsyncDisposable
{
    [Fact]
    public async Task Append_at_version_zero_then_read_back_returns_entries_in_order_with_versions_from_one()
    {
        var journal = await backend.OpenAsync();
        Assert.Equal(3, NewVersion(await journal.AppendAsync("s", 0, [Entry("a"), Entry("b", "m-1"), Entry("c")])));
        Assert.Equal(4, NewVersion(await journal.AppendAsync("s", 3, [Entry("d")])));

        var entries = await ReadAllAsync(journal, "s");
        Assert.Equal(["a", "b", "c", "d"], entries.Select(Text));
        Assert.Equal([1L, 2, 3, 4], entries.Select(e => e.Version));
        Assert.Equal("m-1", entries[1].MessageId);
        Assert.Null(entries[0].MessageId);
        Assert.Equal(4, await journal.GetVersionAsync("s"));
    }

    [Fact]
    public async Task The_key_id_of_an_accepted_entry_is_stored_with_it_read_back_by_stream_and_message_id_and_survives_reopening()
    {
        var journal = await backend.OpenAsync("keyed");
        await journal.AppendAsync("s", 0, [Entry("a"), Entry("b", "m-1") with { KeyId = "k-0123456789abcdef" }, Entry("c", "m-1")]);
        await journal.DisposeAsync();

        journal = await backend.OpenAsync("keyed");
        Assert.Equal([null, "k-0123456789abcdef", null], (await ReadAllAsync(journal, "s")).Select(e => e.KeyId));
        Assert.Equal(["k-0123456789abcdef", null], (await journal.FindByMessageIdAsync("m-1")).Select(e => e.KeyId));
    }

    [Fact]
    public async Task Append_at_a_stale_or_future_version_is_a_conflict_naming_the_actual_version_and_writes_nothing()
    {
        var journal = await backend.OpenAsync();
        await journal.AppendAsync("s", 0, [Entry("a"), Entry("b")]);

        Assert.Equal(new AppendResult.Conflict(1, 2), await journal.AppendAsync("s", 1, [Entry("stale")]));
        Assert.Equal(new AppendResult.Conflict(0, 2), await journal.AppendAsync("s", 0, [Entry("stale")]));
        Assert.Equal(new AppendResult.Conflict(5, 2), await journal.AppendAsync("s", 5, [Entry("future")]));
        Assert.Equal(new AppendResult.Conflict(3, 0), await journal.AppendAsync("empty", 3, [Entry("future")]));
        Assert.Equal(["a", "b"], (await ReadAllAsync(journal, "s")).Select(Text));
        Assert.Empty(await ReadAllAsync(journal, "empty"));
    }

    [Fact]
    public async Task Read_from_a_version_returns_only_the_tail_and_other_streams_stay_apart()
    {
        var journal = await backend.OpenAsync();
        await journal.AppendAsync("left", 0, EntriesAt("left", 1, 10));
        await journal.AppendAsync("right", 0, EntriesAt("right", 1, 3));

        var tail = await ReadAllAsync(journal, "left", fromVersion: 8);
        Assert.Equal([8L, 9, 10], tail.Select(e => e.Version));
        Assert.All(tail, e => Assert.Equal("left", e.StreamId));
        AssertContiguousAndWhole("right", await ReadAllAsync(journal, "right"));
        Assert.Empty(await ReadAllAsync(journal, "left", fromVersion: 11));
    }

    [Fact]
    public async Task Entries_and_the_append_result_carry_the_time_of_the_journal_time_provider_and_survive_reopening()
    {
        var at = new DateTimeOffset(2031, 5, 6, 7, 8, 9, TimeSpan.Zero).AddTicks(1230);
        var journal = await backend.OpenAsync("timed", new FixedTimeProvider(at));
        var appended = Assert.IsType<AppendResult.Appended>(await journal.AppendAsync("s", 0, EntriesAt("s", 1, 2)));
        Assert.Equal(at, appended.At);
        await journal.DisposeAsync();

        var reopened = await backend.OpenAsync("timed");
        var entries = await ReadAllAsync(reopened, "s");
        AssertContiguousAndWhole("s", entries);
        Assert.All(entries, e => Assert.Equal(at, e.Timestamp));
    }

    [Fact]
    public async Task Listing_streams_by_prefix_returns_only_those_with_entries_in_ordinal_order_up_to_the_limit()
    {
        var journal = await backend.OpenAsync();
        foreach (var stream in new[] { "activation/A42-2026-0002", "activation/A42-2026-0001", "participant/FR", "activations-index", "activation/A42-2026-0003" })
            await journal.AppendAsync(stream, 0, [Entry("x")]);
        await journal.SaveSnapshotAsync("activation/only-a-snapshot", 1, [1]);

        Assert.Equal(["activation/A42-2026-0001", "activation/A42-2026-0002", "activation/A42-2026-0003"], await journal.ListStreamsAsync("activation/", 10));
        Assert.Equal(["activation/A42-2026-0001", "activation/A42-2026-0002"], await journal.ListStreamsAsync("activation/", 2));
        Assert.Empty(await journal.ListStreamsAsync("exercise/", 10));
        Assert.Equal(["activation/A42-2026-0001", "activation/A42-2026-0002", "activation/A42-2026-0003", "activations-index"], await journal.ListStreamsAsync("activation", 10));
    }

    [Fact]
    public async Task Snapshot_keeps_the_newest_version_and_ignores_an_older_one()
    {
        var journal = await backend.OpenAsync();
        Assert.Null(await journal.LoadSnapshotAsync("s"));

        await journal.SaveSnapshotAsync("s", 10, [1, 0]);
        await journal.SaveSnapshotAsync("s", 20, [2, 0]);
        await journal.SaveSnapshotAsync("s", 15, [9, 9]);

        var snapshot = await journal.LoadSnapshotAsync("s");
        Assert.NotNull(snapshot);
        Assert.Equal(20, snapshot.Version);
        Assert.Equal([2, 0], snapshot.State);
        Assert.Null(await journal.LoadSnapshotAsync("other"));
    }

    [Fact]
    public async Task A_closed_journal_refuses_writes()
    {
        var journal = await backend.OpenAsync();
        await journal.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await journal.AppendAsync("s", 0, [Entry("late")]));
    }

    public async ValueTask DisposeAsync()
    {
        await backend.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
