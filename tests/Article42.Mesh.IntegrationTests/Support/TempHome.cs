namespace Article42.Mesh.IntegrationTests;

/// <summary>A fresh A42_HOME for one test, removed afterwards (a <see cref="TempDirectory"/>).</summary>
public sealed class TempHome : IDisposable
{
    private readonly TempDirectory _directory = new("a42-it-");

    public string Path => _directory.Path;

    public void Dispose() => _directory.Dispose();
}
