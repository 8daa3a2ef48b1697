using Npgsql;

namespace Article42.Mesh.Benchmarks.Systems.Mesh;

/// <summary>
/// What the PostgreSQL server itself counted (its statistics views): committed transactions and rows written in the
/// journal's database (<c>pg_stat_database</c>), and WAL records, bytes, writes and fsyncs of the whole server with the
/// time they took (<c>pg_stat_wal</c>; timings with <c>track_wal_io_timing</c>, which <see cref="EnableTimingAsync"/> turns on).
/// <see cref="Commits"/> counts read-only transactions too; <see cref="WriteTransactions"/> counts transaction ids
/// assigned (only a transaction that writes gets one; each read of these counters takes one). <see cref="Connections"/>:
/// the journal database's open connections when read (not a difference).
/// </summary>
internal sealed record PostgresCounters(
    long Commits, long RowsInserted, long RowsUpdated, long RowsDeleted,
    long WalRecords, long WalBytes, long WalWrites, long WalSyncs, double WalWriteMs, double WalSyncMs, long WriteTransactions, long Connections)
{
    public static async Task EnableTimingAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("ALTER SYSTEM SET track_wal_io_timing = on; SELECT pg_reload_conf();", connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<PostgresCounters> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // The statistics a backend reads are a snapshot per transaction: cleared first, so each read sees the newest.
        await using var command = new NpgsqlCommand("""
            SELECT pg_stat_clear_snapshot();
            SELECT d.xact_commit, d.tup_inserted, d.tup_updated, d.tup_deleted,
                   w.wal_records, w.wal_bytes::bigint, w.wal_write, w.wal_sync, w.wal_write_time, w.wal_sync_time,
                   txid_current(), (SELECT count(*) FROM pg_stat_activity a WHERE a.datname = current_database())
            FROM pg_stat_database d, pg_stat_wal w WHERE d.datname = current_database();
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.NextResultAsync();
        await reader.ReadAsync();
        return new PostgresCounters(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3),
            reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetDouble(8), reader.GetDouble(9),
            reader.GetInt64(10), reader.GetInt64(11));
    }

    public PostgresCounters Since(PostgresCounters before) => new(
        Commits - before.Commits, RowsInserted - before.RowsInserted, RowsUpdated - before.RowsUpdated, RowsDeleted - before.RowsDeleted,
        WalRecords - before.WalRecords, WalBytes - before.WalBytes, WalWrites - before.WalWrites, WalSyncs - before.WalSyncs,
        WalWriteMs - before.WalWriteMs, WalSyncMs - before.WalSyncMs, WriteTransactions - before.WriteTransactions, Connections);
}
