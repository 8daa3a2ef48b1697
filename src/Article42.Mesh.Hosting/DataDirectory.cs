namespace Article42.Mesh.Hosting;

/// <summary>The data directory holds the journal and the cluster secret: when the silo creates it, it is the owner's only (0700).</summary>
internal static class DataDirectory
{
    public static void Create(string path)
    {
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(path);
        else
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
