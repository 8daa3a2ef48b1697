namespace Article42.Mesh.TestKit;

/// <summary>A fresh directory under the system's temporary folder, removed with everything in it on disposal.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "a42-test-") => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Path { get; }

    /// <summary>A path inside the directory.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Delete(Path);

    /// <summary>Removes <paramref name="path"/> and everything in it; a file still held by a dying process gets a few retries.</summary>
    public static void Delete(string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(path))
                    Directory.Delete(path, recursive: true);
                return;
            }
            catch (IOException) when (attempt < 5)
            {
                Thread.Sleep(100 * attempt);
            }
        }
    }
}
