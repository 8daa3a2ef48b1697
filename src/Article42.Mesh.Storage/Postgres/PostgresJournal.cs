using System.Runtime.CompilerServices;
using Article42.Mesh.Storage.GroupCommit;
using Npgsql;

namespace Article42.Mesh.Storage.Postgres;

/// <summary>
/// The clustered journal: PostgreSQL, shared by every silo. Each silo group-commits its own writes; the
/// (stream, version) row lock and the unique key keep concurrent silos honest.
/// </summary>
public sealed class PostgresJournal : IMessageJournal
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresSql _sql;
    private readonly GroupCommitWriter _writer;

    private PostgresJournal(NpgsqlDataSource dataSource, PostgresSql sql, PostgresJournalOptions options, TimeProvider time)
    {
        _dataSource = dataSource;
        _sql = sql;
        _writer = new GroupCommitWriter(new PostgresWriteStore(dataSource, sql), time, options.MaxGroupRows);
    }

    public JournalStatistics Statistics => _writer.Statistics;

    /// <summary>Connects, creates or migrates the schema, and returns the journal; throws <see cref="JournalOpenException"/> when it cannot.</summary>
    public static async Task<PostgresJournal> OpenAsync(PostgresJournalOptions options, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!PostgresSchemaName.IsValid(options.Schema))
        {
            throw new ArgumentException($"Schema name '{options.Schema}' must be {PostgresSchemaName.Rule}.", nameof(options));
        }

        var connection = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        if (connection.MaxAutoPrepare == 0)
        {
            // The same few statements run for ever: prepared once per physical connection, they skip re-planning.
            connection.MaxAutoPrepare = 32;
        }

        var where = $"PostgreSQL database '{connection.Database}' on {connection.Host}:{connection.Port}, schema '{options.Schema}',";
        var dataSource = NpgsqlDataSource.Create(connection.ConnectionString);
        var sql = new PostgresSql(options.Schema);
        try
        {
            await PostgresSchema.MigrateAsync(dataSource, sql, where, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not JournalOpenException)
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw error is NpgsqlException
                ? new JournalOpenException($"{where} cannot be opened as an Article42.Mesh journal: {error.Message}", error)
                : error;
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new PostgresJournal(dataSource, sql, options, time ?? TimeProvider.System);
    }

    public async ValueTask<AppendResult> AppendAsync(
        string streamId, long expectedVersion, IReadOnlyList<JournalEntry> entries, IReadOnlyList<QueueChange>? queueChanges = null, CancellationToken cancellationToken = default) =>
        await _writer.SubmitAsync(new PendingAppend(streamId, expectedVersion, entries, queueChanges, cancellationToken)).ConfigureAwait(false);

    public async ValueTask SaveSnapshotAsync(string streamId, long version, byte[] state, CancellationToken cancellationToken = default) =>
        await _writer.SubmitAsync(new PendingSnapshot(streamId, version, state, cancellationToken)).ConfigureAwait(false);

    public async ValueTask<ClaimResult> ClaimMessageIdAsync(string messageId, string owner, byte[] contentHash, CancellationToken cancellationToken = default) =>
        await _writer.SubmitAsync(new PendingClaim(messageId, owner, contentHash, cancellationToken)).ConfigureAwait(false);

    public async ValueTask<ClaimedAppendResult> ClaimAndAppendAsync(
        string messageId, string owner, byte[] contentHash, string streamId, long expectedVersion, IReadOnlyList<JournalEntry> entries,
        IReadOnlyList<QueueChange>? queueChanges = null, CancellationToken cancellationToken = default) =>
        await _writer.SubmitAsync(new PendingClaimedAppend(messageId, owner, contentHash, streamId, expectedVersion, entries, queueChanges, cancellationToken)).ConfigureAwait(false);

    public async IAsyncEnumerable<StoredEntry> ReadStreamAsync(string streamId, long fromVersion = 1, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = Command(_sql.ReadStream, streamId, fromVersion);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return PostgresRows.Entry(reader);
        }
    }

    public async ValueTask<long> GetVersionAsync(string streamId, CancellationToken cancellationToken = default)
    {
        await using var command = Command(_sql.StreamVersion, streamId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async ValueTask<IReadOnlyList<string>> ListStreamsAsync(string prefix, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var command = Command(_sql.ListStreams, prefix, max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var streams = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            streams.Add(reader.GetString(0));
        return streams;
    }

    public async ValueTask<Snapshot?> LoadSnapshotAsync(string streamId, CancellationToken cancellationToken = default)
    {
        await using var command = Command(_sql.LoadSnapshot, streamId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new Snapshot(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1), UnixMicros.To(reader.GetInt64(2)))
            : null;
    }

    public async ValueTask<IReadOnlyList<QueuedEntry>> FetchQueuedAsync(string queueId, int max, QueuePosition? after = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var command = after is { } cursor
            ? Command(_sql.FetchQueuedAfter, queueId, (long)max, cursor.Precedence, cursor.Sequence)
            : Command(_sql.FetchQueuedFirst, queueId, (long)max);
        return await QueuedAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<QueuedEntry>> FetchQueuedInBandAsync(string queueId, int precedence, long afterSequence, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var command = Command(_sql.FetchQueuedInBand, queueId, precedence, afterSequence, (long)max);
        return await QueuedAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<long> CountQueuedAsync(string queueId, CancellationToken cancellationToken = default)
    {
        await using var command = Command(_sql.CountQueued, queueId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async ValueTask<QueuedEntry?> GetQueuedAsync(string queueId, long sequence, CancellationToken cancellationToken = default)
    {
        await using var command = Command(_sql.GetQueued, queueId, sequence);
        var rows = await QueuedAsync(command, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async ValueTask<IReadOnlyList<StoredEntry>> FindByMessageIdAsync(string messageId, CancellationToken cancellationToken = default)
    {
        await using var command = Command(_sql.FindByMessageId, messageId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var found = new List<StoredEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(PostgresRows.Entry(reader));
        }

        return found;
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        await _dataSource.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<QueuedEntry>> QueuedAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<QueuedEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(PostgresRows.Queued(reader));
        }

        return rows;
    }

    // A data-source command takes a pooled connection and gives it back when disposed.
    private NpgsqlCommand Command(string text, params object[] values)
    {
        var command = _dataSource.CreateCommand(text);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
