namespace Article42.Mesh.Cli.Tests;

/// <summary>Files of the repository the tests run in, found by walking up to <c>Article42.Mesh.sln</c>.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string File(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Article42.Mesh.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"no Article42.Mesh.sln above {AppContext.BaseDirectory}");
    }
}
