namespace Article42.Mesh.IntegrationTests;

/// <summary>
/// A real embedded silo keeps its data owner-only: the data directory 0700, the journal and its WAL and shared-memory
/// files 0600. The silo runs under umask 000, so only the modes the code sets explicitly can make them so (under a
/// hardened 077 the mask alone would).
/// </summary>
public sealed class DataPermissionTests
{
    [Fact]
    public async Task An_embedded_silo_creates_its_data_directory_0700_and_its_journal_files_0600()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes only");
        using var home = new TempHome();
        var ports = SiloPorts.Free();
        await using var silo = SiloProcess.StartUnderUmask("000", "embedded silo", "Article42.Mesh.Silo.dll", home.Path, ports.Flags());
        await silo.ReadyAsync();

        var data = Path.Combine(home.Path, "data");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(data));
        foreach (var name in new[] { "journal.db", "journal.db-wal", "journal.db-shm", "cluster-secret" })
        {
            var file = Path.Combine(data, name);
            Assert.True(File.Exists(file), $"{name} exists while the silo runs");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        await silo.TerminateAsync();
        Assert.True(0 == await silo.ExitedAsync(TimeSpan.FromSeconds(30)), silo.Describe());
    }
}
