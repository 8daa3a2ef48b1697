namespace Article42.Mesh.Hosting.Configuration;

/// <summary>Where defaults live: <c>$A42_HOME</c>, else <c>~/.a42</c> (the same rule as every a42 command).</summary>
public static class MeshHome
{
    public static string Root(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment("A42_HOME") is { Length: > 0 } home
            ? home
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".a42");
    }
}
