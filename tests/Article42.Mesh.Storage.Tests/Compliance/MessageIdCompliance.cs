using System.Collections.Concurrent;
using Article42.Mesh.Storage.Tests.Backends;
using static Article42.Mesh.Storage.Tests.Compliance.Journals;

namespace Article42.Mesh.Storage.Tests.Compliance;

/// <summary>Message ids are unique across all senders for ever; every entry that mentions one can be found.</summary>
public abstract class MessageIdCompliance(JournalBackend backend) : IAsyncDisposable
{
    private static readonly byte[] Hash = [1, 2, 3, 4];

    [Fact]
    public async Task Message_id_index_refuses_a_second_owner_even_after_reopening()
    {
        var journal = await backend.OpenAsync("ids");
        var claimed = Assert.IsType<ClaimResult.Claimed>(await journal.ClaimMessageIdAsync("FR-0001", "FR", Hash));
        Assert.Equal("FR", claimed.Claim.Owner);
        await journal.DisposeAsync();

        var reopened = await backend.OpenAsync("ids");
        var refused = Assert.IsType<ClaimResult.Refused>(await reopened.ClaimMessageIdAsync("FR-0001", "DE", Hash));
        Assert.Equal("FR", refused.Existing.Owner);
        Assert.Equal(claimed.Claim.ClaimedAt, refused.Existing.ClaimedAt);
    }

    [Fact]
    public async Task Same_owner_and_content_again_gets_the_original_claim_and_other_content_is_refused()
    {
        var journal = await backend.OpenAsync();
        var first = Assert.IsType<ClaimResult.Claimed>(await journal.ClaimMessageIdAsync("m", "FR", Hash));

        var retry = Assert.IsType<ClaimResult.AlreadyClaimed>(await journal.ClaimMessageIdAsync("m", "FR", [.. Hash]));
        Assert.Equal(first.Claim.ClaimedAt, retry.Original.ClaimedAt);
        Assert.Equal(Hash, retry.Original.ContentHash);

        var changed = Assert.IsType<ClaimResult.Refused>(await journal.ClaimMessageIdAsync("m", "FR", [9, 9]));
        Assert.Equal(Hash, changed.Existing.ContentHash);
    }

    [Fact]
    public async Task Sixteen_owners_claiming_one_id_at_once_leave_exactly_one_owner()
    {
        var first = await backend.OpenAsync("race");
        var second = await backend.OpenAsync("race");
        var results = new ConcurrentBag<ClaimResult>();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(async i =>
            results.Add(await (i % 2 == 0 ? first : second).ClaimMessageIdAsync("contested", $"owner-{i}", Hash))));

        var winner = Assert.IsType<ClaimResult.Claimed>(Assert.Single(results, r => r is ClaimResult.Claimed));
        Assert.All(results.OfType<ClaimResult.Refused>(), r => Assert.Equal(winner.Claim.Owner, r.Existing.Owner));
        Assert.Equal(15, results.Count(r => r is ClaimResult.Refused));
    }

    [Fact]
    public async Task Find_by_message_id_returns_every_entry_that_mentions_it_across_streams()
    {
        var journal = await backend.OpenAsync();
        await journal.AppendAsync("FR", 0, [Entry("accepted", "m-1"), Entry("accepted", "m-2")]);
        await journal.AppendAsync("DE", 0, [Entry("received", "m-1"), Entry("unrelated")]);
        await journal.AppendAsync("FR", 2, [Entry("delivered", "m-1")]);

        var trace = await journal.FindByMessageIdAsync("m-1");
        Assert.Equal(
            [("DE", 1L, "received"), ("FR", 1L, "accepted"), ("FR", 3L, "delivered")],
            trace.Select(e => (e.StreamId, e.Version, Text(e))).Order());
        Assert.All(trace, e => Assert.Equal("m-1", e.MessageId));
        Assert.Empty(await journal.FindByMessageIdAsync("m-404"));
    }

    public async ValueTask DisposeAsync()
    {
        await backend.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
