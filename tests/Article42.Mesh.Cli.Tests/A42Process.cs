using System.Diagnostics;

namespace Article42.Mesh.Cli.Tests;

/// <summary>Runs the built a42 (its dll, never <c>dotnet run</c>) as a real process with its own A42_HOME.</summary>
public static class A42Process
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60 * (Environment.GetEnvironmentVariable("CI") is null ? 1 : 2));

    public static async Task<CliResult> RunWithInputAsync(string home, string? stdin, params string[] args)
    {
        using var process = Process.Start(StartInfo(home, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
            await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var cancel = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(cancel.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    public static Task<CliResult> RunAsync(string home, params string[] args) => RunWithInputAsync(home, null, args);

    /// <summary>
    /// Runs a42 on a pseudo-terminal (util-linux <c>script</c>), as a person at a terminal would, and returns what the
    /// terminal showed, carriage returns removed; null when <c>script</c> is not installed.
    /// </summary>
    public static async Task<CliResult?> RunOnTerminalAsync(string home, params string[] args)
    {
        if (!File.Exists("/usr/bin/script"))
            return null;
        var a42 = string.Join(' ', new[] { Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", Path.Combine(AppContext.BaseDirectory, "a42.dll") }.Concat(args).Select(Quoted));
        var start = new ProcessStartInfo("/usr/bin/script") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var arg in new[] { "--quiet", "--return", "--command", $"{a42} 2>/dev/null", "/dev/null" })
            start.ArgumentList.Add(arg);
        start.Environment["A42_HOME"] = home;
        start.Environment["TERM"] = "xterm-256color";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(cancel.Token);
        return new CliResult(process.ExitCode, (await stdout).Replace("\r", "", StringComparison.Ordinal), await stderr);
    }

    private static string Quoted(string arg) => $"'{arg.Replace("'", "'\\''", StringComparison.Ordinal)}'";

    /// <summary>Starts a42 and leaves it running (a42 listen), to be read line by line and killed when disposed.</summary>
    public static RunningA42 Start(string home, params string[] args) => new(Process.Start(StartInfo(home, args))!);

    private static ProcessStartInfo StartInfo(string home, string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "a42.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["A42_HOME"] = home;
        return start;
    }
}
