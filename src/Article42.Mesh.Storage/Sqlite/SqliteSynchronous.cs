namespace Article42.Mesh.Storage.Sqlite;

/// <summary>SQLite's <c>PRAGMA synchronous</c>: how often the writer waits for the disk.</summary>
public enum SqliteSynchronous
{
    /// <summary>Never fsync: fast, loses recent commits (or the file) on power loss.</summary>
    Off = 0,

    /// <summary>In WAL mode, fsync at checkpoints only: a power loss may lose the last commits, never corrupts.</summary>
    Normal = 1,

    /// <summary>fsync the WAL at every commit: an acknowledged append survives power loss. The default.</summary>
    Full = 2,

    /// <summary>Full, plus an fsync of the directory when the WAL is reset.</summary>
    Extra = 3,
}
