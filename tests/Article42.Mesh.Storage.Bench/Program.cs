using Article42.Mesh.Storage.Bench;
using Article42.Mesh.Storage.Postgres;
using Article42.Mesh.Storage.Sqlite;
using Article42.Mesh.TestKit;

// Usage: Article42.Mesh.Storage.Bench [sqlite|postgres|all] [seconds per run]
var which = args.Length > 0 ? args[0] : "all";
var duration = TimeSpan.FromSeconds(args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
int[] streamCounts = [1, 8, 32];
int[] entryCounts = [1, 10];
Console.WriteLine($"{Environment.ProcessorCount} cores, {duration.TotalSeconds:0.#} s per run, 200-byte entries");
Console.WriteLine(Throughput.Header);
var large = new List<string>();

if (which is "sqlite" or "all")
{
    var folder = Directory.CreateTempSubdirectory("a42-bench-");
    try
    {
        await using var journal = await SqliteJournal.OpenAsync(new SqliteJournalOptions(Path.Combine(folder.FullName, "bench.db")));
        foreach (var entries in entryCounts)
        {
            foreach (var streams in streamCounts)
            {
                Console.WriteLine(await Throughput.MeasureAsync(journal, "sqlite (WAL, synchronous=FULL)", streams, entries, duration));
            }
        }

        large.Add(await LargeStream.MeasureAsync(journal, "sqlite (WAL, synchronous=FULL)"));
    }
    finally
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }
}

if (which is "postgres" or "all")
{
    await using var server = await PostgresServer.StartAsync(fsync: true);
    await using var journal = await PostgresJournal.OpenAsync(new PostgresJournalOptions(server.ConnectionString()));
    foreach (var entries in entryCounts)
    {
        foreach (var streams in streamCounts)
        {
            Console.WriteLine(await Throughput.MeasureAsync(journal, "postgres 15 (fsync=on, sync commit)", streams, entries, duration));
        }
    }

    large.Add(await LargeStream.MeasureAsync(journal, "postgres 15 (fsync=on, sync commit)"));
}

// Whether a hot query's cost stays flat as a stream or queue grows (the compliance test counts the server's work instead).
Console.WriteLine();
Console.WriteLine(LargeStream.Header);
large.ForEach(Console.WriteLine);
