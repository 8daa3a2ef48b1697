using Microsoft.Data.Sqlite;

namespace Article42.Mesh.IntegrationTests;

/// <summary>
/// The rows of every table of a running embedded silo's SQLite journal, read read-only beside its writer (SQLite allows
/// it): what a test compares before and after hostile traffic to show nothing was stored.
/// </summary>
public static class JournalRows
{
    private static readonly string[] Tables = ["streams", "entries", "snapshots", "queue", "message_ids"];

    /// <summary>The journal of the embedded silo whose A42_HOME is <paramref name="home"/>.</summary>
    public static string PathIn(string home) => Path.Combine(home, "data", "journal.db");

    /// <summary><c>table: rows</c> for every table, in one line, so a difference reads in an assertion message.</summary>
    public static async Task<string> CountAsync(string journalPath)
    {
        await using var connection = new SqliteConnection($"Data Source={journalPath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var counts = new List<string>();
        foreach (var table in Tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM {table}";
            counts.Add($"{table}: {(long)(await command.ExecuteScalarAsync())!}");
        }
        return string.Join(", ", counts);
    }
}
