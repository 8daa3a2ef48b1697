using Microsoft.Data.Sqlite;
using Npgsql;

namespace Article42.Mesh.Storage;

/// <summary>
/// Whether a journal failure is its disk being full: SQLite's <c>SQLITE_FULL</c>, PostgreSQL's <c>53100 disk_full</c>
/// (a table or index that cannot grow; a WAL write that fails stops the server instead, which is a connection
/// failure). Nothing of the failed write is stored: its transaction rolls back.
/// </summary>
public static class DiskFull
{
    private const int SqliteFull = 13;

    /// <summary>True when <paramref name="failure"/>, or an exception it wraps, is a full disk under the journal.</summary>
    public static bool Caused(Exception? failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: SqliteFull } or PostgresException { SqlState: PostgresErrorCodes.DiskFull })
                return true;
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(Caused))
                return true;
        }
        return false;
    }
}
