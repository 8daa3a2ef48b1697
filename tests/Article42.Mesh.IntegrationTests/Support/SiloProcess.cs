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
}
