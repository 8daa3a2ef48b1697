using Microsoft.Data.Sqlite;

namespace Article42.Mesh.Storage.Sqlite;

/// <summary>
/// Recognises the journal file and brings its schema forward. The file is identified before anything is
/// written to it, so opening a wrong path never damages someone else's database.
/// </summary>
internal static class SqliteSchema
{
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    /// <summary>Forward-only: index i holds the script that takes the schema from version i to i + 1.</summary>
    private static readonly string[] Migrations = [SqliteSql.Version1, SqliteSql.Version2, SqliteSql.Version3];

    public static int LatestVersion => Migrations.Length;

    public static void Open(SqliteConnection connection, string path, SqliteSynchronous synchronous)
    {
        try
        {
            connection.Open();
            Identify(connection, path);
            Execute(connection, "PRAGMA journal_mode = WAL");
            Execute(connection, $"PRAGMA synchronous = {(int)synchronous}");
            Migrate(connection, path);
        }
        catch (SqliteException error) when (error.SqliteErrorCode is SqliteNotADatabase or SqliteCorrupt)
        {
            throw new JournalOpenException(
                $"'{path}' is not an Article42.Mesh journal: {(error.SqliteErrorCode == SqliteCorrupt ? "the database file is corrupt" : "file is not a database")}.",
                error);
        }
        catch (SqliteException error)
        {
            throw new JournalOpenException($"'{path}' cannot be opened as an Article42.Mesh journal: {error.Message}", error);
        }
    }

    private static void Identify(SqliteConnection connection, string path)
    {
        var applicationId = Convert.ToInt32(Scalar(connection, "PRAGMA application_id"), null);
        if (applicationId == SqliteSql.ApplicationId)
        {
            return;
        }

        if (applicationId != 0)
        {
            throw new JournalOpenException(
                $"'{path}' is not an Article42.Mesh journal: it is a SQLite database of another application (application_id 0x{applicationId:X8}).");
        }

        var tables = new List<string>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name LIMIT 5";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            tables.Add(reader.GetString(0));
        }

        if (tables.Count > 0)
        {
            throw new JournalOpenException(
                $"'{path}' is not an Article42.Mesh journal: it is a SQLite database of another application (tables: {string.Join(", ", tables)}).");
        }
    }

    private static void Migrate(SqliteConnection connection, string path)
    {
        // IMMEDIATE takes the write lock first, so two processes opening one new file migrate it once.
        using var transaction = connection.BeginTransaction(deferred: false);
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version", transaction), null);
        if (version > LatestVersion)
        {
            throw new JournalOpenException(
                $"'{path}' has journal schema version {version}, which is newer than this build supports ({LatestVersion}).");
        }

        for (var next = version; next < LatestVersion; next++)
        {
            Execute(connection, Migrations[next], transaction);
        }

        if (version < LatestVersion)
        {
            Execute(connection, $"PRAGMA application_id = {SqliteSql.ApplicationId}", transaction);
            Execute(connection, $"PRAGMA user_version = {LatestVersion}", transaction);
        }

        transaction.Commit();
    }

    private static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
