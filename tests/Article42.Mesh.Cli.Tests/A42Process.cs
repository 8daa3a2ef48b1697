namespace Article42.Mesh.Cli.Tests;

/// <summary>Runs the built a42 (its dll, never <c>dotnet run</c>) through TestKit's launcher, with its own A42_HOME.</summary>
public static class A42Process
{
    // Scaled by A42_TIMEOUT_MULTIPLIER like every other wait; past it the launcher kills a42 and its tree.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private const string Script = "/usr/bin/script";

    public static async Task<CliResult> RunWithInputAsync(string home, string? stdin, params string[] args)
    {
        var run = await TestProcess.RunDllAsync("a42.dll", args, Timeout, Home(home), stdin);
        return new CliResult(run.ExitCode, run.Output, run.Errors);
    }

    /// <summary>
    /// Runs a42 with its own hang guard instead of the 60 s one, for a command whose work is longer than a quick
    /// command's (an exercise run starts an embedded silo and plays hundreds of messages): a guard, not a speed claim.
    /// </summary>
    public static async Task<CliResult> RunWithinAsync(string home, TimeSpan limit, params string[] args)
    {
        var run = await TestProcess.RunDllAsync("a42.dll", args, limit, Home(home));
        return new CliResult(run.ExitCode, run.Output, run.Errors);
    }

    /// <summary>Runs a42 with <paramref name="variables"/> set besides its own A42_HOME (A42_CONTEXT, say).</summary>
    public static async Task<CliResult> RunWithEnvironmentAsync(string home, IReadOnlyDictionary<string, string> variables, params string[] args)
    {
        var environment = Home(home);
        foreach (var (name, value) in variables)
            environment[name] = value;
        var run = await TestProcess.RunDllAsync("a42.dll", args, Timeout, environment);
        return new CliResult(run.ExitCode, run.Output, run.Errors);
    }

    /// <summary>Where a42 keeps its contexts under a test's home: never the contexts of whoever runs the tests.</summary>
    public static string ConfigHome(string home) => Path.Combine(home, "config");

    public static Task<CliResult> RunAsync(string home, params string[] args) => RunWithInputAsync(home, null, args);

    /// <summary>
    /// Runs a42 on a pseudo-terminal (util-linux <c>script</c>), as a person at a terminal would, and returns what the
    /// terminal showed, carriage returns removed; null when <c>script</c> is not installed. The terminal is
    /// <paramref name="columns"/> wide (<c>stty</c>), whatever terminal the tests run in.
    /// </summary>
    public static Task<CliResult?> RunOnTerminalAsync(string home, int columns, params string[] args) =>
        RunOnTerminalWithinAsync(home, columns, Timeout, args);

    /// <summary><see cref="RunOnTerminalAsync"/> with its own hang guard, as <see cref="RunWithinAsync"/>.</summary>
    public static async Task<CliResult?> RunOnTerminalWithinAsync(string home, int columns, TimeSpan limit, params string[] args)
    {
        if (!File.Exists(Script))
            return null;
        var a42 = string.Join(' ', new[] { TestProcess.DotnetHost, Path.Combine(AppContext.BaseDirectory, "a42.dll") }.Concat(args).Select(Quoted));
        var environment = new Dictionary<string, string> { ["A42_HOME"] = home, ["XDG_CONFIG_HOME"] = ConfigHome(home), ["TERM"] = "xterm-256color" };
        var run = await TestProcess.RunAsync(Script, ["--quiet", "--return", "--command", $"stty cols {columns} rows 50; {a42} 2>/dev/null", "/dev/null"], limit, environment);
        return new CliResult(run.ExitCode, run.Output.Replace("\r", "", StringComparison.Ordinal), run.Errors);
    }

    /// <summary>Starts a42 and leaves it running (a42 listen), to be read line by line and killed when disposed.</summary>
    public static TestProcess Start(string home, params string[] args) => TestProcess.StartDll("a42", "a42.dll", args, Home(home));

    private static Dictionary<string, string> Home(string home) => new() { ["A42_HOME"] = home, ["XDG_CONFIG_HOME"] = ConfigHome(home) };

    private static string Quoted(string arg) => $"'{arg.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
