namespace Article42.Mesh.Storage.Sqlite;

/// <summary>The SQL the SQLite journal runs, in one place so tests can ask SQLite how it plans each query.</summary>
internal static class SqliteSql
{
    /// <summary>'A42J': marks a file as ours, so a foreign SQLite file is refused instead of written into.</summary>
    public const int ApplicationId = 0x4134324A;

    public const string Version1 = """
        CREATE TABLE streams (stream_id TEXT PRIMARY KEY, version INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE entries (
            stream_id TEXT NOT NULL, version INTEGER NOT NULL, type TEXT NOT NULL, payload BLOB NOT NULL,
            message_id TEXT, appended_at INTEGER NOT NULL, PRIMARY KEY (stream_id, version));
        CREATE INDEX entries_by_message_id ON entries (message_id) WHERE message_id IS NOT NULL;
        CREATE TABLE snapshots (
            stream_id TEXT PRIMARY KEY, version INTEGER NOT NULL, state BLOB NOT NULL, saved_at INTEGER NOT NULL);
        CREATE TABLE queue (
            queue_id TEXT NOT NULL, sequence INTEGER NOT NULL, precedence INTEGER NOT NULL, payload BLOB NOT NULL,
            message_id TEXT, enqueued_at INTEGER NOT NULL, PRIMARY KEY (queue_id, sequence));
        CREATE INDEX queue_in_fetch_order ON queue (queue_id, precedence DESC, sequence);
        CREATE TABLE message_ids (
            message_id TEXT PRIMARY KEY, owner TEXT NOT NULL, content_hash BLOB NOT NULL, claimed_at INTEGER NOT NULL)
            WITHOUT ROWID;
        """;

    /// <summary>Issue #21: the id of the key that verified an accepted message, recorded with its acceptance.</summary>
    public const string Version2 = "ALTER TABLE entries ADD COLUMN key_id TEXT";

    /// <summary>
    /// Issue #18: a queue row may name the entry that holds its payload (the message's acceptance) instead of copying
    /// it; the acceptance's version is the message's per-sender acceptance sequence.
    /// </summary>
    public const string Version3 = """
        ALTER TABLE queue ADD COLUMN origin_stream TEXT;
        ALTER TABLE queue ADD COLUMN origin_version INTEGER;
        """;

    /// <summary>
    /// A queue row's columns as <see cref="SqliteRows"/> maps them, the payload from the origin entry when there is one
    /// (looked up only for such a row: a join would seek the entries index for every row, the plain ones too).
    /// </summary>
    private const string QueueColumns = """
        q.queue_id, q.sequence, q.precedence,
        CASE WHEN q.origin_stream IS NULL THEN q.payload
             ELSE (SELECT o.payload FROM entries AS o WHERE o.stream_id = q.origin_stream AND o.version = q.origin_version) END AS payload,
        q.message_id, q.origin_stream, q.origin_version
        """;

    private const string QueueWithOrigin = "queue AS q";

    public const string StreamVersion = "SELECT version FROM streams WHERE stream_id = $stream";

    public const string ListStreams = """
        SELECT stream_id FROM streams WHERE substr(stream_id, 1, length($prefix)) = $prefix AND version > 0
        ORDER BY stream_id LIMIT $max
        """;

    public const string SetStreamVersion = """
        INSERT INTO streams (stream_id, version) VALUES ($stream, $version)
        ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version
        """;

    public const string InsertEntry = """
        INSERT INTO entries (stream_id, version, type, payload, message_id, appended_at, key_id)
        VALUES ($stream, $version, $type, $payload, $message_id, $at, $key_id)
        """;

    public const string ReadStream = """
        SELECT stream_id, version, type, payload, message_id, appended_at, key_id FROM entries
        WHERE stream_id = $stream AND version >= $from ORDER BY version
        """;

    public const string FindByMessageId = """
        SELECT stream_id, version, type, payload, message_id, appended_at, key_id FROM entries
        WHERE message_id = $message_id ORDER BY appended_at, stream_id, version
        """;

    public const string UpsertQueued = """
        INSERT INTO queue (queue_id, sequence, precedence, payload, message_id, enqueued_at, origin_stream, origin_version)
        VALUES ($queue, $sequence, $precedence, $payload, $message_id, $at, $origin_stream, $origin_version)
        ON CONFLICT (queue_id, sequence) DO UPDATE
        SET precedence = excluded.precedence, payload = excluded.payload, message_id = excluded.message_id,
            origin_stream = excluded.origin_stream, origin_version = excluded.origin_version
        """;

    public const string RemoveQueued = "DELETE FROM queue WHERE queue_id = $queue AND sequence = $sequence";

    public const string CountQueued = "SELECT count(*) FROM queue WHERE queue_id = $queue";

    public const string GetQueued = $"""
        SELECT {QueueColumns} FROM {QueueWithOrigin}
        WHERE q.queue_id = $queue AND q.sequence = $sequence
        """;

    public const string FetchQueuedFirst = $"""
        SELECT {QueueColumns} FROM {QueueWithOrigin}
        WHERE q.queue_id = $queue ORDER BY q.precedence DESC, q.sequence LIMIT $max
        """;

    // Two index seeks (rest of the cursor's precedence, then lower precedences) instead of one OR that
    // SQLite would answer by walking the index from the top: a deep page costs what the first one does.
    public const string FetchQueuedAfter = $"""
        SELECT * FROM (
            SELECT {QueueColumns} FROM {QueueWithOrigin}
            WHERE q.queue_id = $queue AND q.precedence = $precedence AND q.sequence > $sequence
            ORDER BY q.sequence LIMIT $max) AS same_precedence
        UNION ALL
        SELECT * FROM (
            SELECT {QueueColumns} FROM {QueueWithOrigin}
            WHERE q.queue_id = $queue AND q.precedence < $precedence
            ORDER BY q.precedence DESC, q.sequence LIMIT $max) AS lower_precedence
        ORDER BY precedence DESC, sequence LIMIT $max
        """;

    public const string FetchQueuedInBand = $"""
        SELECT {QueueColumns} FROM {QueueWithOrigin}
        WHERE q.queue_id = $queue AND q.precedence = $precedence AND q.sequence > $sequence
        ORDER BY q.sequence LIMIT $max
        """;

    public const string SaveSnapshot = """
        INSERT INTO snapshots (stream_id, version, state, saved_at) VALUES ($stream, $version, $state, $at)
        ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, state = excluded.state, saved_at = excluded.saved_at
        WHERE excluded.version >= snapshots.version
        """;

    public const string LoadSnapshot = "SELECT version, state, saved_at FROM snapshots WHERE stream_id = $stream";

    public const string GetClaim = "SELECT owner, content_hash, claimed_at FROM message_ids WHERE message_id = $message_id";

    public const string InsertClaim = """
        INSERT INTO message_ids (message_id, owner, content_hash, claimed_at) VALUES ($message_id, $owner, $hash, $at)
        """;
}
