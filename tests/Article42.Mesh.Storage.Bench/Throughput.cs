using System.Diagnostics;

namespace Article42.Mesh.Storage.Bench;

/// <summary>
/// Closed-loop load: each stream appends, waits for the durable acknowledgement, appends again. Concurrency is
/// the number of streams, as with grains, so group commit can only batch what arrives together.
/// </summary>
public static class Throughput
{
    public static async Task<string> MeasureAsync(IMessageJournal journal, string label, int streams, int entriesPerAppend, TimeSpan duration)
    {
        var payload = new byte[200];
        Random.Shared.NextBytes(payload);
        var appends = 0L;
        var before = journal.Statistics;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, streams).Select(s => Task.Run(async () =>
        {
            var streamId = $"{label}-{streams}-{entriesPerAppend}-{s}";
            long version = 0;
            var entries = Enumerable.Range(0, entriesPerAppend).Select(_ => new JournalEntry("bench", payload)).ToList();
            while (clock.Elapsed < duration)
            {
                var result = await journal.AppendAsync(streamId, version, entries);
                version = result is AppendResult.Appended appended ? appended.NewVersion : throw new InvalidOperationException(result.ToString());
                Interlocked.Increment(ref appends);
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        var transactions = journal.Statistics.Transactions - before.Transactions;
        return $"| {label,-36} | {streams,7} | {entriesPerAppend,13} | {appends / seconds,10:N0} | {appends * entriesPerAppend / seconds,10:N0} | {transactions / seconds,11:N0} | {(double)appends / Math.Max(1, transactions),14:N1} |";
    }

    public static string Header =>
        "| backend (durability)                 | streams | entries/append |  appends/s |  entries/s |   commits/s | appends/commit |\n" +
        "|--------------------------------------|---------|----------------|------------|------------|-------------|----------------|";
}
