namespace Article42.Mesh.IntegrationTests;

/// <summary>The checkout the tests were built from: the folder above the test assembly that holds the solution file.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Article42.Mesh.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"no Article42.Mesh.sln above {AppContext.BaseDirectory}");
    });

    /// <summary>A file of the checkout, by its path relative to the root.</summary>
    public static string Of(string relative) => Path.Combine(Root.Value, relative);
}
