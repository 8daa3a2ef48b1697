namespace Article42.Mesh.Cli.Tests;

/// <summary>An A42_HOME with a development trust store made by <c>a42 keys init</c>, shared by a test class.</summary>
public sealed class TrustStoreFixture : IAsyncLifetime
{
    private readonly TempDirectory _home = new("a42-cli-");

    public string Home => _home.Path;

    public string Keys => Path.Combine(Home, "keys");

    public async ValueTask InitializeAsync()
    {
        var result = await A42Process.RunAsync(Home, "keys", "init");
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    public Task<CliResult> RunAsync(params string[] args) => A42Process.RunAsync(Home, args);

    public Task<CliResult> RunWithInputAsync(string stdin, params string[] args) => A42Process.RunWithInputAsync(Home, stdin, args);

    /// <summary>Writes <paramref name="text"/> to a new file in the home and returns its path.</summary>
    public string File(string text)
    {
        var path = Path.Combine(Home, $"{Guid.NewGuid():N}.json");
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public ValueTask DisposeAsync()
    {
        _home.Dispose();
        return ValueTask.CompletedTask;
    }
}
