namespace Article42.Mesh.Storage.Postgres;

/// <summary>The SQL the PostgreSQL journal runs against one schema, in one place so tests can EXPLAIN it.</summary>
internal sealed class PostgresSql(string schema)
{
    public string Schema { get; } = schema;

    public string Version1 => $"""
        CREATE TABLE {Schema}.streams (stream_id text PRIMARY KEY, version bigint NOT NULL);
        CREATE TABLE {Schema}.entries (
            stream_id text NOT NULL, version bigint NOT NULL, type text NOT NULL, payload bytea NOT NULL,
            message_id text, appended_at bigint NOT NULL, PRIMARY KEY (stream_id, version));
        CREATE INDEX entries_by_message_id ON {Schema}.entries (message_id) WHERE message_id IS NOT NULL;
        CREATE TABLE {Schema}.snapshots (
            stream_id text PRIMARY KEY, version bigint NOT NULL, state bytea NOT NULL, saved_at bigint NOT NULL);
        CREATE TABLE {Schema}.queue (
            queue_id text NOT NULL, sequence bigint NOT NULL, precedence integer NOT NULL, payload bytea NOT NULL,
            message_id text, enqueued_at bigint NOT NULL, PRIMARY KEY (queue_id, sequence));
        CREATE INDEX queue_in_fetch_order ON {Schema}.queue (queue_id, precedence DESC, sequence);
        CREATE TABLE {Schema}.message_ids (
            message_id text PRIMARY KEY, owner text NOT NULL, content_hash bytea NOT NULL, claimed_at bigint NOT NULL);
        """;

    /// <summary>Issue #21: the id of the key that verified an accepted message, recorded with its acceptance.</summary>
    public string Version2 => $"ALTER TABLE {Schema}.entries ADD COLUMN key_id text";

    /// <summary>
    /// Issue #18: a queue row may name the entry that holds its payload (the message's acceptance) instead of copying
    /// it; the acceptance's version is the message's per-sender acceptance sequence.
    /// </summary>
    public string Version3 => $"ALTER TABLE {Schema}.queue ADD COLUMN origin_stream text, ADD COLUMN origin_version bigint";

    /// <summary>A queue row's columns as <see cref="PostgresRows"/> maps them, the payload from the origin entry when there is one.</summary>
    private const string QueueColumns = "q.queue_id, q.sequence, q.precedence, coalesce(o.payload, q.payload) AS payload, q.message_id, q.origin_stream, q.origin_version";

    private string QueueWithOrigin => $"{Schema}.queue AS q LEFT JOIN {Schema}.entries AS o ON o.stream_id = q.origin_stream AND o.version = q.origin_version";

    /// <summary>
    /// One statement per append: move the stream's version (the optimistic check: the row lock makes a racing
    /// appender re-check and miss), then insert entries and queue changes only if that move happened.
    /// </summary>
    public string Append(bool newStream, bool upserts, bool removals) => Append(newStream, upserts, removals, claimsMessageId: false);

    /// <summary>
    /// <see cref="Append(bool, bool, bool)"/> that also claims message id $18 for owner $19 and content hash $20
    /// (issue #18: one write, not two). The stream row is locked and its version checked first, so a stale append
    /// claims nothing; the version moves (and so everything else happens) only if the claim inserted its row.
    /// The statement answers (moved, claimed, the version it found).
    /// </summary>
    public string ClaimAndAppend(bool newStream, bool upserts, bool removals) => Append(newStream, upserts, removals, claimsMessageId: true);

    private string Append(bool newStream, bool upserts, bool removals, bool claimsMessageId)
    {
        var taken = claimsMessageId ? " WHERE EXISTS (SELECT 1 FROM taken)" : string.Empty;
        var claim = newStream
            ? $"INSERT INTO {Schema}.streams AS s (stream_id, version) SELECT $1, $3{taken} ON CONFLICT (stream_id) DO UPDATE SET version = EXCLUDED.version WHERE s.version = 0 RETURNING 1"
            : $"UPDATE {Schema}.streams SET version = $3 WHERE stream_id = $1 AND version = $2{taken.Replace(" WHERE ", " AND ", StringComparison.Ordinal)} RETURNING 1";
        var claiming = !claimsMessageId ? string.Empty : $"""
            found AS (SELECT coalesce((SELECT version FROM {Schema}.streams WHERE stream_id = $1 FOR UPDATE), 0) AS version),
            taken AS (INSERT INTO {Schema}.message_ids (message_id, owner, content_hash, claimed_at)
              SELECT $18, $19, $20, $4 WHERE (SELECT version FROM found) = $2
              ON CONFLICT (message_id) DO NOTHING RETURNING 1),
            """;
        var answer = claimsMessageId
            ? "SELECT (SELECT count(*) FROM claim), (SELECT count(*) FROM taken), (SELECT version FROM found)"
            : "SELECT count(*) FROM claim";
        var upsert = !upserts ? string.Empty : $"""
            , upserted AS (INSERT INTO {Schema}.queue (queue_id, sequence, precedence, payload, message_id, enqueued_at, origin_stream, origin_version)
              SELECT q.queue_id, q.sequence, q.precedence, q.payload, q.message_id, $4, q.origin_stream, q.origin_version
              FROM unnest($8::text[], $9::bigint[], $10::integer[], $11::bytea[], $12::text[], $16::text[], $17::bigint[])
                AS q(queue_id, sequence, precedence, payload, message_id, origin_stream, origin_version)
              WHERE EXISTS (SELECT 1 FROM claim)
              ON CONFLICT (queue_id, sequence) DO UPDATE
              SET precedence = EXCLUDED.precedence, payload = EXCLUDED.payload, message_id = EXCLUDED.message_id,
                origin_stream = EXCLUDED.origin_stream, origin_version = EXCLUDED.origin_version)
            """;
        var remove = !removals ? string.Empty : $"""
            , removed AS (DELETE FROM {Schema}.queue q USING unnest($13::text[], $14::bigint[]) AS d(queue_id, sequence)
              WHERE q.queue_id = d.queue_id AND q.sequence = d.sequence AND EXISTS (SELECT 1 FROM claim))
            """;
        return $"""
            WITH {claiming}claim AS ({claim}),
            inserted AS (INSERT INTO {Schema}.entries (stream_id, version, type, payload, message_id, appended_at, key_id)
              SELECT $1, $2 + u.ordinal, u.type, u.payload, u.message_id, $4, u.key_id
              FROM unnest($5::text[], $6::bytea[], $7::text[], $15::text[]) WITH ORDINALITY AS u(type, payload, message_id, key_id, ordinal)
              WHERE EXISTS (SELECT 1 FROM claim))
            {upsert}{remove}
            {answer}
            """;
    }

    public string StreamVersion => $"SELECT coalesce((SELECT version FROM {Schema}.streams WHERE stream_id = $1), 0)";

    public string ListStreams => $"""
        SELECT stream_id FROM {Schema}.streams WHERE starts_with(stream_id, $1) AND version > 0
        ORDER BY stream_id COLLATE "C" LIMIT $2
        """;

    public string ReadStream => $"""
        SELECT stream_id, version, type, payload, message_id, appended_at, key_id FROM {Schema}.entries
        WHERE stream_id = $1 AND version >= $2 ORDER BY version
        """;

    public string FindByMessageId => $"""
        SELECT stream_id, version, type, payload, message_id, appended_at, key_id FROM {Schema}.entries
        WHERE message_id = $1 ORDER BY appended_at, stream_id, version
        """;

    public string CountQueued => $"SELECT count(*) FROM {Schema}.queue WHERE queue_id = $1";

    public string GetQueued => $"SELECT {QueueColumns} FROM {QueueWithOrigin} WHERE q.queue_id = $1 AND q.sequence = $2";

    public string FetchQueuedFirst => $"""
        SELECT {QueueColumns} FROM {QueueWithOrigin}
        WHERE q.queue_id = $1 ORDER BY q.precedence DESC, q.sequence LIMIT $2
        """;

    // Two index range scans (rest of the cursor's precedence, then lower ones): a deep page costs what the first does.
    public string FetchQueuedAfter => $"""
        SELECT * FROM (
            SELECT {QueueColumns} FROM {QueueWithOrigin}
            WHERE q.queue_id = $1 AND q.precedence = $3 AND q.sequence > $4 ORDER BY q.sequence LIMIT $2) AS same_precedence
        UNION ALL
        SELECT * FROM (
            SELECT {QueueColumns} FROM {QueueWithOrigin}
            WHERE q.queue_id = $1 AND q.precedence < $3 ORDER BY q.precedence DESC, q.sequence LIMIT $2) AS lower_precedence
        ORDER BY precedence DESC, sequence LIMIT $2
        """;
    public string FetchQueuedInBand => $"""
        SELECT {QueueColumns} FROM {QueueWithOrigin}
        WHERE q.queue_id = $1 AND q.precedence = $2 AND q.sequence > $3 ORDER BY q.sequence LIMIT $4
        """;


    public string SaveSnapshot => $"""
        WITH saved AS (INSERT INTO {Schema}.snapshots AS s (stream_id, version, state, saved_at) VALUES ($1, $2, $3, $4)
          ON CONFLICT (stream_id) DO UPDATE SET version = EXCLUDED.version, state = EXCLUDED.state, saved_at = EXCLUDED.saved_at
          WHERE EXCLUDED.version >= s.version RETURNING 1)
        SELECT count(*) FROM saved
        """;

    public string LoadSnapshot => $"SELECT version, state, saved_at FROM {Schema}.snapshots WHERE stream_id = $1";

    public string InsertClaim => $"""
        INSERT INTO {Schema}.message_ids (message_id, owner, content_hash, claimed_at) VALUES ($1, $2, $3, $4)
        ON CONFLICT (message_id) DO NOTHING RETURNING owner, content_hash, claimed_at
        """;

    public string GetClaim => $"SELECT owner, content_hash, claimed_at FROM {Schema}.message_ids WHERE message_id = $1";
}
