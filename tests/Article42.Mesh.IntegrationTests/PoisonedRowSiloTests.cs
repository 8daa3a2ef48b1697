using System.Text;
using Article42.Mesh.Storage;
using Article42.Mesh.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Article42.Mesh.IntegrationTests;

/// <summary>
/// Issue 17's poisoned stream against a real silo process: an outbox row that no decoder reads back, found by the
/// silo at start-up, costs a few bounded, backed-off passes and is dead-lettered; the process's CPU returns to idle,
/// its memory, log and data directory stay within bounds, and FR still reaches DE.
/// </summary>
public sealed class PoisonedRowSiloTests
{
    /// <summary>About the row an old codec stored for a SITREP of six texts of 16,384 '&lt;': 590 KB that do not decode.</summary>
    private const int PoisonedBytes = 590_000;

    /// <summary>The warning each pass over the row logs; the pump dead-letters it after three (<c>DeliveryPump.MaxDecodeAttempts</c>).</summary>
    private const string DoesNotDecode = "Delivery LU -> DE: 1 stored message(s) do not decode";

    private const int DecodePasses = 3;

    /// <summary>Idle: below a tenth of a core over a 2 s window (the hot loop of issue 17 held a whole core).</summary>
    private const double IdleCores = 0.1;

    private const long MaxResidentGrowth = 150L * 1024 * 1024;
    private const long MaxLogGrowth = 16 * 1024;
    private const long MaxDataGrowth = 4L * 1024 * 1024;

    [Fact]
    public async Task A_stored_row_that_does_not_decode_is_dead_lettered_and_the_silo_returns_to_idle_with_bounded_memory_log_and_disk()
    {
        using var home = new TempHome();
        var ports = SiloPorts.Free();
        var data = Path.Combine(home.Path, "data");
        var journalPath = Path.Combine(data, "journal.db");
        await using (var first = SiloProcess.Start("embedded silo", "Article42.Mesh.Silo.dll", home.Path, ports.Flags()))
        {
            await first.ReadyAsync();
            await first.TerminateAsync();
            Assert.True(0 == await first.ExitedAsync(TimeSpan.FromSeconds(30)), first.Describe());
        }

        var messageId = Ulid.New(DateTimeOffset.UtcNow);
        await PoisonOutboxAsync(journalPath, messageId);
        await using var silo = SiloProcess.Start("embedded silo, poisoned", "Article42.Mesh.Silo.dll", home.Path, ports.Flags());
        await silo.ReadyAsync();
        var meter = ProcessMeter.Start(silo, data);

        await Deadline.UntilAsync(async () => await CountQueuedAsync(journalPath, "out/LU/DE") == 0, TimeSpan.FromSeconds(60), $"the poisoned row dead-lettered\n{silo.Describe()}");
        await meter.IdleAsync(TimeSpan.FromSeconds(2), IdleCores, within: TimeSpan.FromSeconds(60));

        var growth = meter.Since();
        TestContext.Current.TestOutputHelper?.WriteLine($"after the poisoned row: {growth}");
        Assert.Equal(DecodePasses, silo.Errors.Concat(silo.Output).Count(line => line.Contains(DoesNotDecode, StringComparison.Ordinal)));
        Assert.True(growth.ResidentBytes < MaxResidentGrowth, $"resident memory grew by more than {MaxResidentGrowth} bytes: {growth}");
        Assert.True(growth.LogCharacters < MaxLogGrowth, $"the log grew by more than {MaxLogGrowth} characters: {growth}");
        Assert.True(growth.DirectoryBytes < MaxDataGrowth, $"the data directory grew by more than {MaxDataGrowth} bytes: {growth}");
        Assert.All(silo.Errors.Concat(silo.Output), line => Assert.True(line.Length < 1000, $"a log line of {line.Length} characters"));

        await FranceReachesGermanyAsync(home.Path, ports);
        await silo.TerminateAsync();
        Assert.True(0 == await silo.ExitedAsync(TimeSpan.FromSeconds(30)), silo.Describe());
    }

    /// <summary>Writes, while the silo is down, an outbox row LU → DE that no decoder reads back, as the journal contract allows.</summary>
    private static async Task PoisonOutboxAsync(string journalPath, string messageId)
    {
        var bytes = Encoding.UTF8.GetBytes("{\"msg_id\":\"" + messageId + "\",\"payload\":\"" + new string('<', PoisonedBytes));
        await using var journal = await SqliteJournal.OpenAsync(new SqliteJournalOptions(journalPath));
        var version = await journal.GetVersionAsync("participant/LU");
        Assert.IsType<AppendResult.Appended>(await journal.AppendAsync("participant/LU", version,
            [new JournalEntry("accepted", bytes, messageId)],
            [new QueueChange.Upsert(new QueuedEntry("out/LU/DE", 1, (int)Precedence.Priority, bytes, messageId))]));
        SqliteConnection.ClearAllPools();
    }

    /// <summary>Reads the running silo's journal (read-only: SQLite lets another process read beside its writer).</summary>
    private static async Task<long> CountQueuedAsync(string journalPath, string queue)
    {
        await using var connection = new SqliteConnection($"Data Source={journalPath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM queue WHERE queue_id = $queue";
        command.Parameters.AddWithValue("$queue", queue);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task FranceReachesGermanyAsync(string home, SiloPorts ports)
    {
        var gateway = $"127.0.0.1:{ports.Gateway}";
        await using var send = SiloProcess.Start("a42 send", "a42.dll", home, ["send", "--as", "FR", "--to", "DE", "--gateway", gateway]);
        Assert.True(0 == await send.ExitedAsync(TimeSpan.FromMinutes(1)), send.Describe());
        await using var listen = SiloProcess.Start("a42 listen", "a42.dll", home, ["listen", "--as", "DE", "--ack", "--count", "1", "--timeout", "60", "--gateway", gateway]);
        Assert.True(0 == await listen.ExitedAsync(TimeSpan.FromMinutes(2)), listen.Describe());
        Assert.Single(listen.Output, line => line.StartsWith('{'));
    }
}
