using System.Collections.Concurrent;
using Article42.Mesh.Storage.Tests.Backends;
using static Article42.Mesh.Storage.Tests.Compliance.Journals;

namespace Article42.Mesh.Storage.Tests.Compliance;

/// <summary>
/// The submit write (issue #18): a message-id claim and an append as one journal operation. They commit together or
/// not at all: a held id appends nothing, a stale version claims nothing.
/// </summary>
public abstract class ClaimAndAppendCompliance(JournalBackend backend) : IAsyncDisposable
{
    private static readonly byte[] Hash = [1, 2, 3, 4];

    [Fact]
    public async Task A_free_id_is_claimed_and_the_entries_and_rows_are_stored_in_one_write()
    {
        var journal = await backend.OpenAsync();
        var before = journal.Statistics.Operations;

        var appended = Assert.IsType<ClaimedAppendResult.Appended>(await journal.ClaimAndAppendAsync(
            "m-1", "FR", Hash, "FR", 0, [Entry("accepted", "m-1")], [new QueueChange.Upsert(new QueuedEntry("out/FR/DE", 1, 3, [7], "m-1"))]));

        Assert.Equal((1L, "FR"), (appended.NewVersion, appended.Claim.Owner));
        Assert.Equal(1, journal.Statistics.Operations - before);
        Assert.Equal("accepted", Text(Assert.Single(await ReadAllAsync(journal, "FR"))));
        Assert.Equal("m-1", (await journal.GetQueuedAsync("out/FR/DE", 1))?.MessageId);
        Assert.IsType<ClaimResult.AlreadyClaimed>(await journal.ClaimMessageIdAsync("m-1", "FR", Hash));
    }

    [Fact]
    public async Task A_held_id_appends_nothing_and_says_whether_it_is_a_retry_or_a_conflict()
    {
        var journal = await backend.OpenAsync();
        Assert.IsType<ClaimedAppendResult.Appended>(await journal.ClaimAndAppendAsync("m-1", "FR", Hash, "FR", 0, [Entry("first", "m-1")]));

        var retry = Assert.IsType<ClaimedAppendResult.NotClaimed>(await journal.ClaimAndAppendAsync("m-1", "FR", [.. Hash], "FR", 1, [Entry("again", "m-1")]));
        var other = Assert.IsType<ClaimedAppendResult.NotClaimed>(await journal.ClaimAndAppendAsync(
            "m-1", "DE", Hash, "DE", 0, [Entry("stolen", "m-1")], [new QueueChange.Upsert(new QueuedEntry("out/DE/FR", 1, 3, [7], "m-1"))]));

        Assert.IsType<ClaimResult.AlreadyClaimed>(retry.Claim);
        Assert.Equal("FR", Assert.IsType<ClaimResult.Refused>(other.Claim).Existing.Owner);
        Assert.Equal("first", Text(Assert.Single(await ReadAllAsync(journal, "FR"))));
        Assert.Empty(await ReadAllAsync(journal, "DE"));
        Assert.Equal(0, await journal.GetVersionAsync("DE"));
        Assert.Equal(0, await journal.CountQueuedAsync("out/DE/FR"));
    }

    [Fact]
    public async Task A_stale_version_claims_nothing_so_the_id_stays_free()
    {
        var journal = await backend.OpenAsync();
        await journal.AppendAsync("FR", 0, [Entry("other activation")]);

        var stale = Assert.IsType<ClaimedAppendResult.Conflict>(await journal.ClaimAndAppendAsync("m-1", "FR", Hash, "FR", 0, [Entry("late", "m-1")]));

        Assert.Equal((0L, 1L), (stale.Expected, stale.Actual));
        Assert.Single(await ReadAllAsync(journal, "FR"));
        Assert.IsType<ClaimResult.Claimed>(await journal.ClaimMessageIdAsync("m-1", "DE", Hash));
    }

    [Fact]
    public async Task Sixteen_senders_claiming_one_id_at_once_store_exactly_one_message()
    {
        var first = await backend.OpenAsync("race");
        var second = await backend.OpenAsync("race");
        var results = new ConcurrentDictionary<int, ClaimedAppendResult>();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(async i =>
            results[i] = await (i % 2 == 0 ? first : second).ClaimAndAppendAsync("contested", $"s-{i}", Hash, $"s-{i}", 0, [Entry($"from {i}", "contested")])));

        var winner = Assert.Single(results, r => r.Value is ClaimedAppendResult.Appended).Key;
        Assert.All(results.Values.OfType<ClaimedAppendResult.NotClaimed>(), r => Assert.Equal($"s-{winner}", Assert.IsType<ClaimResult.Refused>(r.Claim).Existing.Owner));
        var stored = await first.FindByMessageIdAsync("contested");
        Assert.Equal(($"s-{winner}", $"from {winner}"), (Assert.Single(stored).StreamId, Text(stored[0])));
    }

    public async ValueTask DisposeAsync()
    {
        await backend.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
