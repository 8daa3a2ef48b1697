namespace Article42.Mesh.Docs.Tests;

/// <summary>
/// The files the checks read, by repository path with <c>/</c> separators, and a way to ask whether any path exists:
/// the repository on disk, or a small tree in memory for testing the checks themselves.
/// </summary>
public sealed class DocTree(IReadOnlyDictionary<string, string> files, Func<string, bool> exists)
{
    private static readonly string[] Skipped = ["bin", "obj", ".git", "node_modules", "aar", "TestResults"];
    private static readonly string[] Extensions = [".md", ".cs", ".csproj", ".props", ".yaml", ".yml", ".json"];

    public IReadOnlyDictionary<string, string> Files { get; } = files;

    public IEnumerable<KeyValuePair<string, string>> MarkdownFiles =>
        Files.Where(f => f.Key.EndsWith(".md", StringComparison.OrdinalIgnoreCase));

    public bool Exists(string path) => Files.ContainsKey(path) || exists(path);

    public static DocTree InMemory(IReadOnlyDictionary<string, string> files) =>
        new(files, path => files.Keys.Any(f => f.StartsWith(path.TrimEnd('/') + "/", StringComparison.Ordinal)));

    public static DocTree Load(string root)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(root, root, files);
        return new DocTree(files, path => File.Exists(Path.Combine(root, path)) || Directory.Exists(Path.Combine(root, path)));
    }

    /// <summary>The directory holding <c>Article42.Mesh.sln</c>, walking up from the test's own directory.</summary>
    public static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Article42.Mesh.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"no Article42.Mesh.sln above {AppContext.BaseDirectory}");
    }

    /// <summary>Resolves <paramref name="target"/> against the directory of <paramref name="from"/>; null when it leaves the tree.</summary>
    public static string? Resolve(string from, string target)
    {
        var parts = new List<string>(from.Split('/')[..^1]);
        foreach (var part in Uri.UnescapeDataString(target).Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }
            if (part is "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return string.Join('/', parts);
    }

    private static void Walk(string root, string dir, Dictionary<string, string> files)
    {
        foreach (var file in Directory.EnumerateFiles(dir))
        {
            var name = Path.GetFileName(file);
            if (name == ".editorconfig" || Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            {
                files[Path.GetRelativePath(root, file).Replace('\\', '/')] = File.ReadAllText(file);
            }
        }
        foreach (var sub in Directory.EnumerateDirectories(dir))
        {
            if (!Skipped.Contains(Path.GetFileName(sub), StringComparer.Ordinal))
            {
                Walk(root, sub, files);
            }
        }
    }
}
