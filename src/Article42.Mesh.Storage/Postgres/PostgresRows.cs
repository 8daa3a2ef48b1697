using Npgsql;

namespace Article42.Mesh.Storage.Postgres;

/// <summary>Maps rows in the column order <see cref="PostgresSql"/> selects them.</summary>
internal static class PostgresRows
{
    public static StoredEntry Entry(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetInt64(1),
        reader.GetString(2),
        reader.GetFieldValue<byte[]>(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        UnixMicros.To(reader.GetInt64(5)),
        reader.IsDBNull(6) ? null : reader.GetString(6));

    public static QueuedEntry Queued(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetInt64(1),
        reader.GetInt32(2),
        reader.GetFieldValue<byte[]>(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.IsDBNull(5) ? null : new EntryAddress(reader.GetString(5), reader.GetInt64(6)));
}
