using System.Collections.Concurrent;
using Article42.Mesh.Storage.Tests.Backends;
using static Article42.Mesh.Storage.Tests.Compliance.Journals;

namespace Article42.Mesh.Storage.Tests.Compliance;

/// <summary>Optimistic concurrency under racing appenders, in one journal and across two (two silos).</summary>
public abstract class ConcurrentAppendCompliance(JournalBackend backend) : IAsyncDisposable
{
    private const int Writers = 8;
    private const int Rounds = 25;

    [Fact]
    public async Task Concurrent_appenders_on_one_stream_exactly_one_wins_each_version()
    {
        var journal = await backend.OpenAsync();
        await RaceAsync([journal], "contested");
    }

    [Fact]
    public async Task Two_journals_on_one_store_racing_on_one_stream_exactly_one_wins_each_version()
    {
        var first = await backend.OpenAsync("shared");
        var second = await backend.OpenAsync("shared");
        await RaceAsync([first, second], "contested");
    }

    private static async Task RaceAsync(IMessageJournal[] journals, string streamId)
    {
        var winners = new ConcurrentDictionary<long, string>();
        var doubleWins = new ConcurrentBag<long>();

        // Everyone appends at version 0 together first: exactly one may win it, the rest must see version 1.
        var opening = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w =>
            journals[w % journals.Length].AppendAsync(streamId, 0, [Entry($"w{w}:0")]).AsTask()));
        Assert.Single(opening, r => r is AppendResult.Appended);
        Assert.All(opening.OfType<AppendResult.Conflict>(), c => Assert.Equal(new AppendResult.Conflict(0, 1), c));
        winners[1] = Text((await ReadAllAsync(journals[0], streamId))[0]).Split(':')[0];

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var journal = journals[w % journals.Length];
            for (var round = 1; round <= Rounds; round++)
            {
                var expected = await journal.GetVersionAsync(streamId);
                var result = await journal.AppendAsync(streamId, expected, [Entry($"w{w}:{round}")]);
                if (result is AppendResult.Appended appended && !winners.TryAdd(appended.NewVersion, $"w{w}"))
                {
                    doubleWins.Add(appended.NewVersion);
                }
                else if (result is AppendResult.Conflict conflict)
                {
                    Assert.NotEqual(conflict.Expected, conflict.Actual);
                }
            }
        })));

        Assert.Empty(doubleWins);
        var stored = await ReadAllAsync(journals[^1], streamId);
        Assert.Equal(Enumerable.Range(1, stored.Count).Select(v => (long)v), stored.Select(e => e.Version));
        Assert.Equal(winners.Count, stored.Count);
        Assert.All(stored, e => Assert.Equal(winners[e.Version], Text(e).Split(':')[0]));
    }

    public async ValueTask DisposeAsync()
    {
        await backend.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
