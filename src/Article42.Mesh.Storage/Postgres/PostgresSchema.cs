using Npgsql;

namespace Article42.Mesh.Storage.Postgres;

/// <summary>
/// Creates and migrates the journal's schema on start-up. Forward-only, recorded in <c>schema_version</c>, and
/// run under a transaction-scoped advisory lock, so silos starting together on an empty database migrate once.
/// </summary>
internal static class PostgresSchema
{
    public static int LatestVersion => 3;

    public static async Task MigrateAsync(NpgsqlDataSource dataSource, PostgresSql sql, string where, CancellationToken cancellationToken)
    {
        string[] migrations = [sql.Version1, sql.Version2, sql.Version3];
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(hashtext('article42.mesh.journal'), hashtext($1))", cancellationToken, sql.Schema).ConfigureAwait(false);

        var tables = await TablesAsync(connection, sql.Schema, cancellationToken).ConfigureAwait(false);
        if (tables.Count > 0 && !tables.Contains("schema_version"))
        {
            throw new JournalOpenException(
                $"{where} is not an Article42.Mesh journal: the schema holds other tables ({string.Join(", ", tables.Take(5))}) and no schema_version.");
        }

        await ExecuteAsync(connection, $"CREATE SCHEMA IF NOT EXISTS {sql.Schema}", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(
            connection,
            $"CREATE TABLE IF NOT EXISTS {sql.Schema}.schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
            cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {sql.Schema}.schema_version", connection))
        {
            var version = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), null);
            if (version > migrations.Length)
            {
                throw new JournalOpenException(
                    $"{where} has journal schema version {version}, which is newer than this build supports ({migrations.Length}).");
            }

            for (var next = version; next < migrations.Length; next++)
            {
                await ExecuteAsync(connection, migrations[next], cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, $"INSERT INTO {sql.Schema}.schema_version (version) VALUES ($1)", cancellationToken, next + 1).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<string>> TablesAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var tables = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string text, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = new NpgsqlCommand(text, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
