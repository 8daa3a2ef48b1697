using Article42.Mesh.Storage;
using Article42.Mesh.Storage.CrashHelper;
using Article42.Mesh.Storage.Postgres;
using Article42.Mesh.Storage.Sqlite;

// Usage: crash-helper sqlite <file> <streams>  |  crash-helper postgres <connection string> <schema> <streams>
// Appends to every stream concurrently, for ever: prints "append <stream> <version>" before each append (the version it
// would reach) and "ack <stream> <version>" once it is acknowledged (durable). The test kills this process with SIGKILL
// at some moment and checks the journal; an append line without its ack shows an append was in flight at the kill.
var streams = int.Parse(args[^1], System.Globalization.CultureInfo.InvariantCulture);
await using IMessageJournal journal = args[0] switch
{
    "sqlite" => await SqliteJournal.OpenAsync(new SqliteJournalOptions(args[1])),
    "postgres" => await PostgresJournal.OpenAsync(new PostgresJournalOptions(args[1]) { Schema = args[2] }),
    _ => throw new ArgumentException($"unknown backend '{args[0]}'"),
};

var output = Console.Out;
var gate = new object();
Console.WriteLine("ready");
await Task.WhenAll(Enumerable.Range(0, streams).Select(i => AppendForeverAsync($"crash-{i}")));

async Task AppendForeverAsync(string streamId)
{
    var version = await journal.GetVersionAsync(streamId);
    for (var round = 0; ; round++)
    {
        var count = 1 + (round % 5);
        var entries = Enumerable.Range(1, count)
            .Select(k => new JournalEntry("crash-test", CrashPayload.For(streamId, version + k), $"{streamId}-{version + k}"))
            .ToList();
        Print($"append {streamId} {version + count}");
        var result = await journal.AppendAsync(streamId, version, entries);
        if (result is not AppendResult.Appended appended)
        {
            throw new InvalidOperationException($"{streamId}: unexpected {result}");
        }

        version = appended.NewVersion;
        Print($"ack {streamId} {version}");
    }
}

void Print(string line)
{
    lock (gate)
    {
        output.WriteLine(line);
        output.Flush();
    }
}
