namespace Article42.Mesh.IntegrationTests;

/// <summary>
/// The built silo (<c>Article42.Mesh.Silo.dll</c>) or <c>a42.dll</c> started through TestKit's one launcher
/// (<see cref="TestProcess"/>) with its own A42_HOME.
/// </summary>
public static class SiloProcess
{
    /// <summary>Starts <paramref name="dll"/> (a file beside the test assembly) with <paramref name="args"/> and A42_HOME <paramref name="home"/>.</summary>
    public static TestProcess Start(string name, string dll, string home, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var withHome = new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["A42_HOME"] = home };
        return TestProcess.StartDll(name, dll, args, withHome);
    }

    /// <summary>
    /// As <see cref="Start"/>, under the file-creation mask <paramref name="umask"/> (octal, e.g. "000"), set by a shell
    /// that then becomes the silo (<c>exec</c>): the test process's own mask is left alone.
    /// </summary>
    public static TestProcess StartUnderUmask(string umask, string name, string dll, string home, IEnumerable<string> args)
    {
        var withHome = new Dictionary<string, string> { ["A42_HOME"] = home };
        string[] shell = ["-c", $"umask {umask} && exec \"$0\" \"$@\"", TestProcess.DotnetHost, Path.Combine(AppContext.BaseDirectory, dll)];
        return TestProcess.Start(name, "sh", [.. shell, .. args], withHome);
    }
}
