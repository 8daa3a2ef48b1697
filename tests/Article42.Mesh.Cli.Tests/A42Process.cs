namespace Article42.Mesh.Cli.Tests;

/// <summary>Runs the built a42 (its dll, never <c>dotnet run</c>) through TestKit's launcher, with its own A42_HOME.</summary>
public static class A42Process
{
    // Scaled by A42_TIMEOUT_MULTIPLIER like every other wait; past it the launcher kills a42 and its tree.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<CliResult> RunWithInputAsync(string home, string? stdin, params string[] args)
    {
        var run = await TestProcess.RunDllAsync("a42.dll", args, Timeout, new Dictionary<string, string> { ["A42_HOME"] = home }, stdin);
        return new CliResult(run.ExitCode, run.Output, run.Errors);
    }

    public static Task<CliResult> RunAsync(string home, params string[] args) => RunWithInputAsync(home, null, args);
}
