using System.Diagnostics;
using System.Text;

namespace Article42.Mesh.Storage.Bench;

/// <summary>
/// The timing side of the large-stream compliance test (which counts the server's work instead): median time of an
/// append and of a page fetched after a cursor, on a 10-entry stream and queue and on 100k-entry ones, sampled
/// alternately so that machine noise hits both.
/// </summary>
public static class LargeStream
{
    private const int Size = 100_000;
    private const int Batch = 5_000;
    private const int Samples = 41;

    public static async Task<string> MeasureAsync(IMessageJournal journal, string label)
    {
        var prefix = $"large-{Guid.NewGuid():N}";
        var random = new Random(7);
        for (var start = 0; start < Size; start += Batch)
        {
            var entries = Enumerable.Range(start + 1, Batch).Select(v => new JournalEntry("bulk", Encoding.UTF8.GetBytes($"big entry {v}"))).ToList();
            var rows = Enumerable.Range(start + 1, Batch).Select(s => new QueueChange.Upsert(new QueuedEntry($"{prefix}-big-q", s, random.Next(6), [1, 2, 3]))).ToList();
            await journal.AppendAsync($"{prefix}-big", start, entries, rows);
        }

        await journal.AppendAsync($"{prefix}-small", 0, [.. Enumerable.Range(1, 10).Select(_ => new JournalEntry("bulk", [1]))],
            [.. Enumerable.Range(1, 10).Select(s => new QueueChange.Upsert(new QueuedEntry($"{prefix}-small-q", s, s % 6, [1, 2, 3])))]);
        var cursors = new Dictionary<string, QueuePosition>
        {
            ["small"] = (await journal.FetchQueuedAsync($"{prefix}-small-q", 5)).Last().Position,
            ["big"] = (await journal.FetchQueuedAsync($"{prefix}-big-q", Size / 2)).Last().Position,
        };
        var versions = new Dictionary<string, long> { ["small"] = 10, ["big"] = Size };
        var appends = new Dictionary<string, List<TimeSpan>> { ["small"] = [], ["big"] = [] };
        var fetches = new Dictionary<string, List<TimeSpan>> { ["small"] = [], ["big"] = [] };
        for (var i = 0; i < Samples; i++)
        {
            foreach (var which in new[] { "small", "big" })
            {
                var clock = Stopwatch.StartNew();
                var appended = await journal.AppendAsync($"{prefix}-{which}", versions[which], [new JournalEntry("one", [1])]);
                versions[which] = appended is AppendResult.Appended a ? a.NewVersion : throw new InvalidOperationException(appended.ToString());
                appends[which].Add(clock.Elapsed);
                clock.Restart();
                await journal.FetchQueuedAsync($"{prefix}-{which}-q", 4, cursors[which]);
                fetches[which].Add(clock.Elapsed);
            }
        }

        return $"| {label,-36} | {Median(appends["small"]),11:0.000} | {Median(appends["big"]),11:0.000} | {Median(fetches["small"]),11:0.000} | {Median(fetches["big"]),11:0.000} |";
    }

    public static string Header =>
        "| backend (durability)                 | append @10 | append @100k | fetch @10 | fetch @100k |  (median ms)\n" +
        "|--------------------------------------|------------|--------------|-----------|-------------|";

    private static double Median(List<TimeSpan> samples) => samples.Order().ElementAt(samples.Count / 2).TotalMilliseconds;
}
