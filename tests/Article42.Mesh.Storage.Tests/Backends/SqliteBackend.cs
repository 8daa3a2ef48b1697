using System.Text;
using Article42.Mesh.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Article42.Mesh.Storage.Tests.Backends;

/// <summary>Each test gets its own folder; a store is a file in it.</summary>
public sealed class SqliteBackend : JournalBackend
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("a42-journal-").FullName;

    public string PathOf(string store) => Path.Combine(Folder, store + ".db");

    public override IReadOnlyList<string> CrashHelperArguments(string store) => ["sqlite", PathOf(store)];

    public override async Task<string> PlanAsync(string store, JournalQuery query, string streamOrQueueId)
    {
        var sql = SqlOf(query);
        await using var connection = new SqliteConnection($"Data Source={PathOf(store)};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in new[] { "$stream", "$queue", "$message_id" })
        {
            command.Parameters.AddWithValue(name, streamOrQueueId);
        }

        foreach (var name in new[] { "$from", "$max", "$precedence", "$sequence" })
        {
            command.Parameters.AddWithValue(name, 10);
        }

        var plan = new StringBuilder();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.AppendLine(reader.GetString(3));
        }

        return plan.ToString();
    }

    public override async Task<long> QueuePayloadBytesAsync(string store)
    {
        await using var connection = new SqliteConnection($"Data Source={PathOf(store)};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(sum(length(payload)), 0) FROM queue";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public override async Task<long> WorkAsync(string store, JournalQuery query, QueryArguments arguments)
    {
        await using var connection = new SqliteConnection($"Data Source={PathOf(store)};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = SqlOf(query);
        foreach (var name in new[] { "$stream", "$queue", "$message_id" })
        {
            command.Parameters.AddWithValue(name, arguments.StreamOrQueueId);
        }

        command.Parameters.AddWithValue("$from", arguments.FromVersion);
        command.Parameters.AddWithValue("$max", QueryArguments.PageSize);
        command.Parameters.AddWithValue("$precedence", arguments.After?.Precedence ?? 0);
        command.Parameters.AddWithValue("$sequence", arguments.After?.Sequence ?? 0);

        // Microsoft.Data.Sqlite does not expose sqlite3_stmt_status(SQLITE_STMTSTATUS_VM_STEP); a progress handler
        // called after every virtual machine instruction counts the same work.
        long instructions = 0;
        raw.sqlite3_progress_handler(connection.Handle, 1, _ =>
        {
            instructions++;
            return 0;
        }, null);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
            }
        }

        raw.sqlite3_progress_handler(connection.Handle, 0, null, null);
        return instructions;
    }

    // "SEARCH t USING INDEX" seeks; "SCAN t" (with or without an index) walks the whole table or index.
    public override bool UsesIndexOnly(string plan) =>
        plan.Contains("SEARCH", StringComparison.Ordinal)
        && !plan.Split('\n').Any(line => line.TrimStart().StartsWith("SCAN ", StringComparison.Ordinal) && !line.Contains("SCAN same_precedence", StringComparison.Ordinal) && !line.Contains("SCAN lower_precedence", StringComparison.Ordinal));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }

    private static string SqlOf(JournalQuery query) => query switch
    {
        JournalQuery.ReadStreamTail => SqliteSql.ReadStream,
        JournalQuery.FetchQueuedFirst => SqliteSql.FetchQueuedFirst,
        JournalQuery.FetchQueuedAfter => SqliteSql.FetchQueuedAfter,
        JournalQuery.FindByMessageId => SqliteSql.FindByMessageId,
        _ => throw new ArgumentOutOfRangeException(nameof(query)),
    };

    protected override async Task<IMessageJournal> OpenCoreAsync(string store, TimeProvider? time) =>
        await SqliteJournal.OpenAsync(new SqliteJournalOptions(PathOf(store)), time);
}
