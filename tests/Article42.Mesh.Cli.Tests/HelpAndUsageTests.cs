namespace Article42.Mesh.Cli.Tests;

public sealed class HelpAndUsageTests : IDisposable
{
    private readonly TempDirectory _home = new("a42-help-");

    private string Home => _home.Path;

    public void Dispose() => _home.Dispose();

    [Theory]
    [InlineData("participants")]
    [InlineData("keys")]
    [InlineData("keys", "init")]
    [InlineData("envelope")]
    [InlineData("envelope", "new")]
    [InlineData("envelope", "validate")]
    [InlineData("envelope", "sign")]
    [InlineData("envelope", "verify")]
    [InlineData("send")]
    [InlineData("listen")]
    [InlineData("trace")]
    [InlineData("status")]
    public async Task Every_command_has_help_that_exits_0(params string[] command)
    {
        var result = await A42Process.RunAsync(Home, [.. command, "--help"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_command_is_a_usage_error_with_exit_2()
    {
        var result = await A42Process.RunAsync(Home);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("A42-CLI-004", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error_with_exit_2()
    {
        var result = await A42Process.RunAsync(Home, "participants", "--colour");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--colour", result.Stderr, StringComparison.Ordinal);
    }
}
