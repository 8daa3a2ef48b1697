using Article42.Mesh.Storage.GroupCommit;
using Microsoft.Data.Sqlite;

namespace Article42.Mesh.Storage.Sqlite;

/// <summary>
/// Runs a group on the journal's one write connection in one IMMEDIATE transaction. Each write checks before it
/// changes anything, so a stale version is answered with a conflict and leaves the rest of the group intact.
/// </summary>
internal sealed class SqliteWriteStore(SqliteConnection connection) : IWriteStore
{
    public Task CommitAsync(IReadOnlyList<PendingWrite> group, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var at = UnixMicros.From(now);
        using var transaction = connection.BeginTransaction(deferred: false);
        using var commands = new SqliteCommands(connection, transaction);
        foreach (var write in group)
        {
            switch (write)
            {
                case PendingAppend append:
                    append.Result = Append(commands, append, at);
                    break;
                case PendingClaim claim:
                    claim.Result = Claim(commands, claim, at);
                    break;
                case PendingClaimedAppend both:
                    both.Result = ClaimAndAppend(commands, both, at);
                    break;
                case PendingSnapshot snapshot:
                    commands.Run(commands.SaveSnapshot, ("$stream", snapshot.StreamId), ("$version", snapshot.Version), ("$state", snapshot.State), ("$at", at));
                    snapshot.Result = true;
                    break;
                default:
                    throw new InvalidOperationException($"Unknown write {write.GetType().Name}.");
            }
        }

        // With synchronous=FULL this returns once the WAL is on disk: only then are the callers told.
        transaction.Commit();
        return Task.CompletedTask;
    }

    private static AppendResult Append(SqliteCommands commands, PendingAppend append, long at)
    {
        commands.StreamVersion.Parameters["$stream"].Value = append.StreamId;
        var current = commands.StreamVersion.ExecuteScalar() is long version ? version : 0L;
        if (current != append.ExpectedVersion)
        {
            return new AppendResult.Conflict(append.ExpectedVersion, current);
        }

        var next = current;
        foreach (var entry in append.Entries)
        {
            next++;
            commands.Run(commands.InsertEntry, ("$stream", append.StreamId), ("$version", next), ("$type", entry.Type), ("$payload", entry.Payload), ("$message_id", entry.MessageId), ("$at", at), ("$key_id", entry.KeyId));
        }

        if (next != current)
        {
            commands.Run(commands.SetStreamVersion, ("$stream", append.StreamId), ("$version", next));
        }

        foreach (var row in append.Upserts)
        {
            commands.Run(commands.UpsertQueued, ("$queue", row.QueueId), ("$sequence", row.Sequence), ("$precedence", row.Precedence), ("$payload", row.StoredPayload), ("$message_id", row.MessageId), ("$at", at), ("$origin_stream", row.Origin?.StreamId), ("$origin_version", row.Origin?.Version));
        }

        foreach (var removal in append.Removals)
        {
            commands.Run(commands.RemoveQueued, ("$queue", removal.QueueId), ("$sequence", removal.Sequence));
        }

        return new AppendResult.Appended(next, UnixMicros.To(at));
    }

    /// <summary>The version first (a stale activation claims nothing), then the claim, then the append only on a new claim.</summary>
    private static ClaimedAppendResult ClaimAndAppend(SqliteCommands commands, PendingClaimedAppend both, long at)
    {
        commands.StreamVersion.Parameters["$stream"].Value = both.Append.StreamId;
        var current = commands.StreamVersion.ExecuteScalar() is long version ? version : 0L;
        if (current != both.Append.ExpectedVersion)
        {
            return new ClaimedAppendResult.Conflict(both.Append.ExpectedVersion, current);
        }

        var claim = Claim(commands, both.Claim, at);
        if (claim is not ClaimResult.Claimed claimed)
        {
            return new ClaimedAppendResult.NotClaimed(claim);
        }

        var appended = (AppendResult.Appended)Append(commands, both.Append, at);
        return new ClaimedAppendResult.Appended(claimed.Claim, appended.NewVersion, appended.At);
    }

    private static ClaimResult Claim(SqliteCommands commands, PendingClaim claim, long at)
    {
        commands.GetClaim.Parameters["$message_id"].Value = claim.MessageId;
        using (var reader = commands.GetClaim.ExecuteReader())
        {
            if (reader.Read())
            {
                var holder = new MessageIdClaim(claim.MessageId, reader.GetString(0), (byte[])reader[1], UnixMicros.To(reader.GetInt64(2)));
                return claim.Decide(holder, inserted: false);
            }
        }

        commands.Run(commands.InsertClaim, ("$message_id", claim.MessageId), ("$owner", claim.Owner), ("$hash", claim.ContentHash), ("$at", at));
        return claim.Decide(new MessageIdClaim(claim.MessageId, claim.Owner, claim.ContentHash, UnixMicros.To(at)), inserted: true);
    }
}
