namespace Article42.Mesh.Cli;

/// <summary>Where a42 keeps its defaults: <c>$A42_HOME</c>, else <c>~/.a42</c>; the trust store lives in <c>keys/</c>.</summary>
public static class A42Home
{
    public static string Root =>
        Environment.GetEnvironmentVariable("A42_HOME") is { Length: > 0 } home
            ? home
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".a42");

    public static string KeysDirectory => Path.Combine(Root, "keys");
}
