using Article42.Mesh.Storage.Sqlite;
using Article42.Mesh.TestKit;

namespace Article42.Mesh.Storage.Tests.Sqlite;

/// <summary>
/// The journal holds every payload: its directory is created 0700, the database and its WAL and shared-memory files are
/// 0600, whatever the umask. The journal is opened under the ordinary umask 022 (<see cref="ProcessUmask"/>): under a
/// hardened 077 the mask alone would give these modes, and the tests would pass with the code's explicit modes removed.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SqlitePermissionTests : IDisposable
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly string _root = Directory.CreateTempSubdirectory("a42-perm-").FullName;

    [Fact]
    public async Task A_new_journal_gets_an_owner_only_directory_and_owner_only_files_including_wal_and_shm()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes only");
        var path = Path.Combine(_root, "data", "nested", "journal.db");

        using (ProcessUmask.Set())
        await using (var journal = await SqliteJournal.OpenAsync(new SqliteJournalOptions(path)))
        {
            Assert.IsType<AppendResult.Appended>(await journal.AppendAsync("s/1", 0, [new JournalEntry("t", [1, 2, 3])]));

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                Assert.True(File.Exists(file), $"{file} exists while the journal is open");
                Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(file));
            }
        }
    }

    [Fact]
    public async Task A_journal_made_world_readable_before_is_tightened_when_opened()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes only");
        var path = Path.Combine(_root, "journal.db");
        await (await SqliteJournal.OpenAsync(new SqliteJournalOptions(path))).DisposeAsync();
        File.SetUnixFileMode(path, OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        using var umask = ProcessUmask.Set();
        await using var journal = await SqliteJournal.OpenAsync(new SqliteJournalOptions(path));

        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(path));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
