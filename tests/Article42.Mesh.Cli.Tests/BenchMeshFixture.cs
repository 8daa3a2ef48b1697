using System.Globalization;

namespace Article42.Mesh.Cli.Tests;

/// <summary>
/// An A42_HOME whose trust store holds four bench participants (<c>a42 keys init</c>, then <c>a42 keys init --bench 4</c>
/// on the existing store, as an operator adds them), and a real single-node mesh on it (<c>a42 mesh up</c>, its own process)
/// that the bench tests run the built <c>a42 bench</c> against.
/// </summary>
public sealed class BenchMeshFixture : IAsyncLifetime
{
    private readonly TempDirectory _home = new("a42-bench-");
    private TestProcess? _mesh;

    public string Home => _home.Path;

    public string Keys => Path.Combine(Home, "keys");

    public string Gateway { get; private set; } = "";

    /// <summary>The key of FR as <c>a42 keys init</c> made it, before bench participants were added.</summary>
    public string FrenchKeyBefore { get; private set; } = "";

    /// <summary>Every file of the trust store, by name, with its bytes: as <c>a42 keys init</c> made it, and after <c>--bench 4</c>.</summary>
    public (IReadOnlyDictionary<string, byte[]> Before, IReadOnlyDictionary<string, byte[]> After) KeysFiles { get; private set; }

    /// <summary>What <c>a42 keys init --bench 4</c> printed and how it exited.</summary>
    public CliResult AddedBench { get; private set; } = new(-1, "", "");

    public async ValueTask InitializeAsync()
    {
        var init = await A42Process.RunAsync(Home, "keys", "init");
        Assert.True(init.ExitCode == 0, init.ToString());
        FrenchKeyBefore = await File.ReadAllTextAsync(Path.Combine(Keys, "FR.pem"));
        var before = Files(Keys);
        AddedBench = await A42Process.RunAsync(Home, "keys", "init", "--bench", "4");
        Assert.True(AddedBench.ExitCode == 0, AddedBench.ToString());
        KeysFiles = (before, Files(Keys));

        var ports = FreePorts.Take(3);
        Gateway = $"127.0.0.1:{ports[1]}";
        _mesh = A42Process.Start(Home, "mesh", "up", "--keys", Keys, "--data", Path.Combine(Home, "data"),
            "--silo-port", Port(ports[0]), "--gateway-port", Port(ports[1]), "--http-port", Port(ports[2]),
            "--Dashboard:Enabled=false", "--Logging:LogLevel:Default=Warning");
        await _mesh.ReadyAsync();
    }

    /// <summary>Runs <c>a42 bench ARGS --gateway</c> this mesh.</summary>
    public Task<CliResult> BenchAsync(params string[] args) => A42Process.RunAsync(Home, ["bench", .. args, "--gateway", Gateway]);

    public async ValueTask DisposeAsync()
    {
        if (_mesh is not null)
            await _mesh.DisposeAsync();
        _home.Dispose();
    }

    /// <summary>Every file under <paramref name="directory"/> (its subfolders too), by path relative to it, with its bytes.</summary>
    public static IReadOnlyDictionary<string, byte[]> Files(string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(directory, f), File.ReadAllBytes, StringComparer.Ordinal)
            : new Dictionary<string, byte[]>(StringComparer.Ordinal);

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
