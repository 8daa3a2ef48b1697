namespace Article42.Mesh.IntegrationTests;

/// <summary>A fresh A42_HOME for one test, deleted afterwards.</summary>
public sealed class TempHome : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("a42-it-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
