using System.Diagnostics;

namespace Article42.Mesh.Cli.Tests;

/// <summary>An a42 process still running: its stderr read a line at a time; killed (with its children) when disposed.</summary>
public sealed class RunningA42(Process process) : IAsyncDisposable
{
    public bool HasExited => process.HasExited;

    /// <summary>The next line on stderr, or a failure naming what was awaited when none comes within <paramref name="within"/>.</summary>
    public async Task<string> StderrLineAsync(TimeSpan within)
    {
        using var deadline = new CancellationTokenSource(within);
        try
        {
            return await process.StandardError.ReadLineAsync(deadline.Token) ?? throw new InvalidOperationException($"a42 exited ({process.ExitCode}) without a line on stderr");
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no line on a42's stderr within {within}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }
}
