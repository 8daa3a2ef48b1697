namespace Article42.Mesh.IntegrationTests.Deployment;

/// <summary>Files of the repository the tests were built from: the folder above them that holds Article42.Mesh.sln.</summary>
public static class RepositoryFile
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string PathOf(string relative) => Path.Combine(Root.Value, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Article42.Mesh.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException($"no Article42.Mesh.sln above {AppContext.BaseDirectory}");
    }
}
