using System.Globalization;

namespace Article42.Mesh.Faults.Cluster;

/// <summary>
/// A size-limited tmpfs mounted for one run (root only) that a test fills to the last byte and frees again, to put
/// a journal on a full disk; unmounted on dispose, whatever happened.
/// </summary>
public sealed class SizeLimitedDisk : IAsyncDisposable
{
    private readonly string _filler;

    private SizeLimitedDisk(string path)
    {
        Path = path;
        _filler = System.IO.Path.Combine(path, "filler");
    }

    public string Path { get; }

    /// <summary>True when this process may mount (it runs as root).</summary>
    public static bool CanMount => ServerProcess.IsRoot;

    public static async Task<SizeLimitedDisk> MountAsync(int megabytes)
    {
        var path = Directory.CreateTempSubdirectory("a42-full-disk-").FullName;
        var run = await TestProcess.RunAsync("mount", ["-t", "tmpfs", "-o", string.Create(CultureInfo.InvariantCulture, $"size={megabytes}m,mode=0777"), "tmpfs", path], TimeSpan.FromSeconds(30));
        if (run.ExitCode != 0)
        {
            Directory.Delete(path);
            throw new InvalidOperationException($"mount tmpfs on {path}: {run}");
        }
        return new SizeLimitedDisk(path);
    }

    /// <summary>Writes a filler file until the disk has no byte left.</summary>
    public async Task FillAsync()
    {
        var block = new byte[64 * 1024];
        await using var filler = new FileStream(_filler, FileMode.Append, FileAccess.Write, FileShare.None, bufferSize: 1);
        try
        {
            while (true)
                await filler.WriteAsync(block);
        }
        catch (IOException)
        {
            // ENOSPC: now the single bytes that are left.
        }
        try
        {
            while (true)
                await filler.WriteAsync(block.AsMemory(0, 1));
        }
        catch (IOException)
        {
            // Full.
        }
    }

    /// <summary>Deletes the filler: the space is back.</summary>
    public void Free() => File.Delete(_filler);

    public async ValueTask DisposeAsync()
    {
        var run = await TestProcess.RunAsync("umount", ["-l", Path], TimeSpan.FromSeconds(30));
        if (run.ExitCode == 0)
            Directory.Delete(Path, recursive: true);
    }
}
