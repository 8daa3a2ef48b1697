using Microsoft.Data.Sqlite;

namespace Article42.Mesh.Storage.Sqlite;

/// <summary>Maps rows in the column order <see cref="SqliteSql"/> selects them.</summary>
internal static class SqliteRows
{
    public static StoredEntry Entry(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetInt64(1),
        reader.GetString(2),
        (byte[])reader[3],
        reader.IsDBNull(4) ? null : reader.GetString(4),
        UnixMicros.To(reader.GetInt64(5)),
        reader.IsDBNull(6) ? null : reader.GetString(6));

    public static async Task<IReadOnlyList<QueuedEntry>> QueuedAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<QueuedEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new QueuedEntry(
                reader.GetString(0),
                reader.GetInt64(1),
                reader.GetInt32(2),
                (byte[])reader[3],
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : new EntryAddress(reader.GetString(5), reader.GetInt64(6))));
        }

        return rows;
    }
}
