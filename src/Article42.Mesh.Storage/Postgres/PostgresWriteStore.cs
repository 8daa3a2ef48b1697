using Article42.Mesh.Storage.GroupCommit;
using Npgsql;

namespace Article42.Mesh.Storage.Postgres;

/// <summary>
/// Sends a whole group as one <see cref="NpgsqlBatch"/>: one round trip, one implicit transaction (PostgreSQL
/// commits at the batch's single Sync), so every caller in the group shares one WAL flush.
/// </summary>
internal sealed class PostgresWriteStore(NpgsqlDataSource dataSource, PostgresSql sql) : IWriteStore
{
    public async Task CommitAsync(IReadOnlyList<PendingWrite> group, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(group, now, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException) when (group.Count > 1)
        {
            // Nothing of the group was committed. Retry one by one so that one bad write fails alone.
            foreach (var write in group)
            {
                try
                {
                    await RunAsync([write], now, cancellationToken).ConfigureAwait(false);
                }
                catch (PostgresException error)
                {
                    write.Error = error;
                }
            }
        }
    }

    private async Task RunAsync(IReadOnlyList<PendingWrite> group, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var at = UnixMicros.From(now);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var write in group)
        {
            switch (write)
            {
                case PendingAppend append:
                    batch.BatchCommands.Add(AppendCommand(append, at));
                    batch.BatchCommands.Add(Command(sql.StreamVersion, append.StreamId));
                    break;
                case PendingClaim claim:
                    batch.BatchCommands.Add(Command(sql.InsertClaim, claim.MessageId, claim.Owner, claim.ContentHash, at));
                    batch.BatchCommands.Add(Command(sql.GetClaim, claim.MessageId));
                    break;
                case PendingClaimedAppend both:
                    batch.BatchCommands.Add(ClaimAndAppendCommand(both, at));
                    batch.BatchCommands.Add(Command(sql.GetClaim, both.Claim.MessageId));
                    break;
                case PendingSnapshot snapshot:
                    batch.BatchCommands.Add(Command(sql.SaveSnapshot, snapshot.StreamId, snapshot.Version, snapshot.State, at));
                    break;
                default:
                    throw new InvalidOperationException($"Unknown write {write.GetType().Name}.");
            }
        }

        // Every statement returns exactly one result set, in the order added. Results are only handed to the
        // callers after the reader is disposed, i.e. after ReadyForQuery: the implicit transaction has committed.
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        foreach (var write in group)
        {
            switch (write)
            {
                case PendingAppend append:
                    var moved = await ScalarAsync<long>(reader, cancellationToken).ConfigureAwait(false) == 1;
                    var actual = await ScalarAsync<long>(reader, cancellationToken).ConfigureAwait(false);
                    append.Result = moved
                        ? new AppendResult.Appended(append.ExpectedVersion + append.Entries.Count, UnixMicros.To(at))
                        : new AppendResult.Conflict(append.ExpectedVersion, actual);
                    break;
                case PendingClaim claim:
                    var inserted = await ClaimRowAsync(reader, claim.MessageId, cancellationToken).ConfigureAwait(false);
                    var holder = await ClaimRowAsync(reader, claim.MessageId, cancellationToken).ConfigureAwait(false);
                    claim.Result = claim.Decide(inserted ?? holder!, inserted is not null);
                    break;
                case PendingClaimedAppend both:
                    both.Result = await ClaimedAppendAsync(reader, both, at, cancellationToken).ConfigureAwait(false);
                    break;
                case PendingSnapshot snapshot:
                    await ScalarAsync<long>(reader, cancellationToken).ConfigureAwait(false);
                    snapshot.Result = true;
                    break;
            }
        }

        while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
        {
        }
    }

    private static async Task<ClaimedAppendResult> ClaimedAppendAsync(NpgsqlDataReader reader, PendingClaimedAppend both, long at, CancellationToken cancellationToken)
    {
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var (moved, claimed, found) = (reader.GetInt64(0) == 1, reader.GetInt64(1) == 1, reader.GetInt64(2));
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var holder = await ClaimRowAsync(reader, both.Claim.MessageId, cancellationToken).ConfigureAwait(false);
        var expected = both.Append.ExpectedVersion;
        if (moved)
        {
            return new ClaimedAppendResult.Appended(holder!, expected + both.Append.Entries.Count, UnixMicros.To(at));
        }

        // Not moved with the claim taken: a new stream that another appender created meanwhile (the version check found
        // no row to lock). The claim stays, as it would after a separate claim and a stale append.
        return found != expected || claimed
            ? new ClaimedAppendResult.Conflict(expected, claimed ? Math.Max(found, expected + 1) : found)
            : new ClaimedAppendResult.NotClaimed(both.Claim.Decide(holder!, inserted: false));
    }

    private NpgsqlBatchCommand ClaimAndAppendCommand(PendingClaimedAppend both, long at)
    {
        var command = AppendCommand(both.Append, at, sql.ClaimAndAppend);
        command.Parameters.Add(new NpgsqlParameter { Value = both.Claim.MessageId });
        command.Parameters.Add(new NpgsqlParameter { Value = both.Claim.Owner });
        command.Parameters.Add(new NpgsqlParameter { Value = both.Claim.ContentHash });
        return command;
    }

    private NpgsqlBatchCommand AppendCommand(PendingAppend append, long at) => AppendCommand(append, at, sql.Append);

    private static NpgsqlBatchCommand AppendCommand(PendingAppend append, long at, Func<bool, bool, bool, string> text)
    {
        var entries = append.Entries;
        var upserts = append.Upserts;
        var removals = append.Removals;
        var newStream = append.ExpectedVersion == 0;
        return Command(
            text(newStream, upserts.Count > 0, removals.Count > 0),
            append.StreamId,
            append.ExpectedVersion,
            append.ExpectedVersion + entries.Count,
            at,
            entries.Select(e => e.Type).ToArray(),
            entries.Select(e => e.Payload).ToArray(),
            entries.Select(e => e.MessageId).ToArray(),
            upserts.Select(u => u.QueueId).ToArray(),
            upserts.Select(u => u.Sequence).ToArray(),
            upserts.Select(u => u.Precedence).ToArray(),
            upserts.Select(u => u.StoredPayload).ToArray(),
            upserts.Select(u => u.MessageId).ToArray(),
            removals.Select(r => r.QueueId).ToArray(),
            removals.Select(r => r.Sequence).ToArray(),
            entries.Select(e => e.KeyId).ToArray(),
            upserts.Select(u => u.Origin?.StreamId).ToArray(),
            upserts.Select(u => u.Origin?.Version).ToArray());
    }

    private static NpgsqlBatchCommand Command(string text, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(text);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var value = reader.GetFieldValue<T>(0);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        return value;
    }

    private static async Task<MessageIdClaim?> ClaimRowAsync(NpgsqlDataReader reader, string messageId, CancellationToken cancellationToken)
    {
        MessageIdClaim? row = null;
        if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            row = new MessageIdClaim(messageId, reader.GetString(0), reader.GetFieldValue<byte[]>(1), UnixMicros.To(reader.GetInt64(2)));
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        return row;
    }
}
