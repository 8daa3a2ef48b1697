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
