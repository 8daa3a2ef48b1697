using System.Runtime.CompilerServices;
using Article42.Mesh.Storage.GroupCommit;
using Microsoft.Data.Sqlite;

namespace Article42.Mesh.Storage.Sqlite;

/// <summary>
/// The embedded journal: one SQLite file in WAL mode. One connection writes (group commit); reads use their own
/// pooled connections and see the last committed state without waiting for the writer.
/// </summary>
public sealed class SqliteJournal : IMessageJournal
{
    private readonly SqliteConnection _writeConnection;
    private readonly GroupCommitWriter _writer;
    private readonly string _readConnectionString;

    private SqliteJournal(SqliteConnection writeConnection, string readConnectionString, SqliteJournalOptions options, TimeProvider time)
    {
        _writeConnection = writeConnection;
        _readConnectionString = readConnectionString;
        _writer = new GroupCommitWriter(new SqliteWriteStore(writeConnection), time, options.MaxGroupRows);
    }

    public JournalStatistics Statistics => _writer.Statistics;

    /// <summary>Opens (creating when absent) the journal file; throws <see cref="JournalOpenException"/> for a file that is not one.</summary>
    public static Task<SqliteJournal> OpenAsync(SqliteJournalOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = System.IO.Path.GetFullPath(options.Path);
        var directory = System.IO.Path.GetDirectoryName(path);
        if (directory is not null && !Directory.Exists(directory))
        {
            OwnerOnlyFiles.CreateDirectory(directory);
        }

        OwnerOnlyFiles.PrepareDatabase(path);

        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true };
        var connection = new SqliteConnection(builder.ConnectionString);
        try
        {
            SqliteSchema.Open(connection, path, options.Synchronous);
            OwnerOnlyFiles.Restrict(path);
        }
        catch
        {
            connection.Dispose();
            SqliteConnection.ClearPool(connection);
            throw;
        }

        builder.Mode = SqliteOpenMode.ReadWrite;
        return Task.FromResult(new SqliteJournal(connection, builder.ConnectionString, options, time ?? TimeProvider.System));
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
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, SqliteSql.ReadStream, ("$stream", streamId), ("$from", fromVersion));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return SqliteRows.Entry(reader);
        }
    }

    public async ValueTask<long> GetVersionAsync(string streamId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, SqliteSql.StreamVersion, ("$stream", streamId));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : 0;
    }

    public async ValueTask<IReadOnlyList<string>> ListStreamsAsync(string prefix, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, SqliteSql.ListStreams, ("$prefix", prefix), ("$max", max));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var streams = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            streams.Add(reader.GetString(0));
        return streams;
    }

    public async ValueTask<Snapshot?> LoadSnapshotAsync(string streamId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, SqliteSql.LoadSnapshot, ("$stream", streamId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new Snapshot(reader.GetInt64(0), (byte[])reader[1], UnixMicros.To(reader.GetInt64(2)))
            : null;
    }

    public async ValueTask<IReadOnlyList<QueuedEntry>> FetchQueuedAsync(string queueId, int max, QueuePosition? after = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = after is { } cursor
            ? Command(connection, SqliteSql.FetchQueuedAfter, ("$queue", queueId), ("$max", max), ("$precedence", cursor.Precedence), ("$sequence", cursor.Sequence))
            : Command(connection, SqliteSql.FetchQueuedFirst, ("$queue", queueId), ("$max", max));
        return await SqliteRows.QueuedAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<QueuedEntry>> FetchQueuedInBandAsync(string queueId, int precedence, long afterSequence, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, SqliteSql.FetchQueuedInBand, ("$queue", queueId), ("$precedence", precedence), ("$sequence", afterSequence), ("$max", max));
        return await SqliteRows.QueuedAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<long> CountQueuedAsync(string queueId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, SqliteSql.CountQueued, ("$queue", queueId));
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async ValueTask<QueuedEntry?> GetQueuedAsync(string queueId, long sequence, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, SqliteSql.GetQueued, ("$queue", queueId), ("$sequence", sequence));
        var rows = await SqliteRows.QueuedAsync(command, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async ValueTask<IReadOnlyList<StoredEntry>> FindByMessageIdAsync(string messageId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, SqliteSql.FindByMessageId, ("$message_id", messageId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var found = new List<StoredEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(SqliteRows.Entry(reader));
        }

        return found;
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        await _writeConnection.DisposeAsync().ConfigureAwait(false);

        // Pooled connections keep the file (and its WAL) open; the caller may want to move or delete it next.
        SqliteConnection.ClearPool(_writeConnection);
        using var reader = new SqliteConnection(_readConnectionString);
        SqliteConnection.ClearPool(reader);
    }

    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_readConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params ReadOnlySpan<(string Name, object Value)> values)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in values)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
