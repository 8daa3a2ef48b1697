namespace Article42.Mesh.Storage.Sqlite;

/// <summary>
/// The journal holds every payload, so its directory is the owner's only (0700 when this creates it) and its files
/// (the database, its <c>-wal</c> and <c>-shm</c>) are 0600 whatever the umask: the database file is made 0600
/// before SQLite opens it, SQLite gives the WAL and shared-memory files the database file's mode, and all three
/// are set again after opening, which also tightens a journal made before this rule.
/// </summary>
internal static class OwnerOnlyFiles
{
    private const UnixFileMode Directory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
            System.IO.Directory.CreateDirectory(path);
        else
            System.IO.Directory.CreateDirectory(path, Directory);
    }

    /// <summary>Creates <paramref name="databasePath"/> empty and 0600 when absent (SQLite takes an empty file as a new database).</summary>
    public static void PrepareDatabase(string databasePath)
    {
        if (OperatingSystem.IsWindows() || System.IO.File.Exists(databasePath))
            return;
        try
        {
            using var _ = new FileStream(databasePath, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = File });
        }
        catch (IOException) when (System.IO.File.Exists(databasePath))
        {
            // Created meanwhile by someone else; Restrict below tightens it.
        }
    }

    public static void Restrict(string databasePath)
    {
        if (OperatingSystem.IsWindows())
            return;
        foreach (var path in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            if (System.IO.File.Exists(path))
                System.IO.File.SetUnixFileMode(path, File);
        }
    }
}
