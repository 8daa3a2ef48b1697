using System.Diagnostics;
using System.Globalization;

namespace Article42.Mesh.IntegrationTests;

/// <summary>
/// A built silo (<c>Article42.Mesh.Silo.dll</c>) or <c>a42.dll mesh up</c> as a real process, started with
/// <c>$DOTNET_HOST_PATH</c> (never <c>dotnet run</c>), its standard output collected line by line.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<string> output = [];
    private readonly List<string> errors = [];

    private SiloProcess(Process process, string name)
    {
        this.process = process;
        Name = name;
    }

    public string Name { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public IReadOnlyList<string> Output { get { lock (output) return [.. output]; } }

    public IReadOnlyList<string> Errors { get { lock (errors) return [.. errors]; } }

    /// <summary>Starts <paramref name="dll"/> (a file beside the test assembly) with <paramref name="args"/> and its own A42_HOME.</summary>
    public static SiloProcess Start(string name, string dll, string home, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["A42_HOME"] = home;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;

        var silo = new SiloProcess(Process.Start(start) ?? throw new InvalidOperationException($"could not start {dll}"), name);
        silo.process.OutputDataReceived += (_, line) => Collect(silo.output, line.Data);
        silo.process.ErrorDataReceived += (_, line) => Collect(silo.errors, line.Data);
        silo.process.BeginOutputReadLine();
        silo.process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>The value of the start-up line <c>NAME value</c> (e.g. <c>gateway 127.0.0.1:30000</c>), once printed.</summary>
    public async Task<string> LineAsync(string name, TimeSpan? within = null)
    {
        string? found = null;
        await Deadline.UntilAsync(
            () => (found = Find(name)) is not null || (process.HasExited && (found = FindAfterExit(name)) is not null),
            within ?? TimeSpan.FromSeconds(60),
            $"'{name}' from {Name}");
        return found!.Length > name.Length ? found[(name.Length + 1)..] : name;
    }

    /// <summary>Waits for <c>ready</c> on standard output.</summary>
    public Task ReadyAsync(TimeSpan? within = null) => LineAsync("ready", within ?? TimeSpan.FromSeconds(90));

    /// <summary>SIGTERM, as Kubernetes and systemd send it.</summary>
    public Task TerminateAsync() => ServerProcess.RunAsync("kill", ["-TERM", Id.ToString(CultureInfo.InvariantCulture)]);

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>The exit code, once the process has exited; fails past the deadline.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan within)
    {
        using var cancel = new CancellationTokenSource(Deadline.Scaled(within));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} did not exit within {Deadline.Scaled(within).TotalSeconds:0.#} s.\n{Describe()}");
        }

        return process.ExitCode;
    }

    /// <summary>Waits for the exit (output flushed) and returns its code.</summary>
    public async Task<int> ExitedAsync(TimeSpan within)
    {
        var code = await ExitCodeAsync(within);
        process.WaitForExit();
        return code;
    }

    /// <summary>What the process printed, for failure messages.</summary>
    public string Describe() =>
        $"--- {Name} stdout ---\n{string.Join('\n', Output)}\n--- {Name} stderr (last 40 lines) ---\n{string.Join('\n', Errors.TakeLast(40))}";

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private string? Find(string name) => Output.FirstOrDefault(l => l == name || l.StartsWith(name + " ", StringComparison.Ordinal));

    private string FindAfterExit(string name)
    {
        process.WaitForExit(); // flushes the redirected output
        return Find(name) ?? throw new InvalidOperationException($"{Name} exited with {process.ExitCode} without printing '{name}'.\n{Describe()}");
    }

    private static void Collect(List<string> lines, string? line)
    {
        if (line is null)
            return;
        lock (lines)
            lines.Add(line);
    }
}
