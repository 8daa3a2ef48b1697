using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Article42.Mesh.TestKit;

/// <summary>
/// The one way tests start a child process: a built program beside the test assembly (its dll through
/// <c>$DOTNET_HOST_PATH</c>, never <c>dotnet run</c>) or a machine binary. Output and errors are read to the end by
/// two readers the process awaits; every wait is bounded by <see cref="Deadline.Scaled"/>; a wait that runs out,
/// and disposal, kill the child and its whole process tree.
/// </summary>
public sealed class TestProcess : IAsyncDisposable
{
    private static readonly TimeSpan ExitAfterKill = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly OutputReader _output;
    private readonly OutputReader _errors;

    private TestProcess(Process process, string name)
    {
        _process = process;
        Name = name;
        _output = new OutputReader(process.StandardOutput);
        _errors = new OutputReader(process.StandardError);
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Standard output so far, line by line.</summary>
    public IReadOnlyList<string> Output => _output.Lines;

    /// <summary>Standard error so far, line by line.</summary>
    public IReadOnlyList<string> Errors => _errors.Lines;

    /// <summary>Starts <paramref name="file"/> (a path or a name on PATH) with <paramref name="args"/>.</summary>
    public static TestProcess Start(string name, string file, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (workingDirectory is not null)
            start.WorkingDirectory = workingDirectory;
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        return new TestProcess(Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}"), name);
    }

    /// <summary>Starts <paramref name="dll"/>, a program built beside the test assembly, with the dotnet host that runs the tests.</summary>
    public static TestProcess StartDll(string name, string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null) =>
        Start(name, DotnetHost, [Path.Combine(AppContext.BaseDirectory, dll), .. args], environment);

    /// <summary>Runs <paramref name="file"/> to its end within <paramref name="within"/> (scaled), feeding it <paramref name="input"/>.</summary>
    public static async Task<ProcessRun> RunAsync(string file, IEnumerable<string> args, TimeSpan within, IReadOnlyDictionary<string, string>? environment = null, string? input = null)
    {
        await using var process = Start(file, file, args, environment);
        return await process.RunToEndAsync(input, within).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="dll"/> (beside the test assembly) to its end within <paramref name="within"/> (scaled).</summary>
    public static async Task<ProcessRun> RunDllAsync(string dll, IEnumerable<string> args, TimeSpan within, IReadOnlyDictionary<string, string>? environment = null, string? input = null)
    {
        await using var process = StartDll(dll, dll, args, environment);
        return await process.RunToEndAsync(input, within).ConfigureAwait(false);
    }

    /// <summary>The dotnet host running the tests (<c>$DOTNET_HOST_PATH</c>, set by <c>dotnet test</c>).</summary>
    public static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    /// <summary>The value of the line <c>NAME value</c> (e.g. <c>gateway 127.0.0.1:30000</c>), once printed.</summary>
    public async Task<string> LineAsync(string name, TimeSpan? within = null)
    {
        string? found = null;
        await Deadline.UntilAsync(
            async () => (found = Find(name)) is not null || (_process.HasExited && (found = await FindAfterExitAsync(name).ConfigureAwait(false)) is not null),
            within ?? TimeSpan.FromSeconds(60),
            $"'{name}' from {Name}").ConfigureAwait(false);
        return found!.Length > name.Length ? found[(name.Length + 1)..] : name;
    }

    /// <summary>Waits for <c>ready</c> on standard output.</summary>
    public Task ReadyAsync(TimeSpan? within = null) => LineAsync("ready", within ?? TimeSpan.FromSeconds(90));

    /// <summary>SIGTERM, as Kubernetes and systemd send it.</summary>
    public async Task TerminateAsync()
    {
        var kill = await RunAsync("kill", ["-TERM", Id.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        if (kill.ExitCode != 0 && !_process.HasExited)
            throw new InvalidOperationException($"kill -TERM {Name} failed: {kill}");
    }

    /// <summary>SIGKILL to the process and its tree: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        KillTree();
        await WaitAsync(ExitAfterKill).ConfigureAwait(false);
    }

    /// <summary>Writes <paramref name="text"/> to standard input and closes it.</summary>
    public async Task CloseInputAsync(string? text = null)
    {
        if (text is not null)
            await _process.StandardInput.WriteAsync(text).ConfigureAwait(false);
        _process.StandardInput.Close();
    }

    /// <summary>The exit code, once the process has exited; past the deadline the tree is killed and this throws.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan within)
    {
        var limit = Deadline.Scaled(within);
        if (!await WaitAsync(limit).ConfigureAwait(false))
        {
            KillTree();
            await WaitAsync(ExitAfterKill).ConfigureAwait(false);
            throw new TimeoutException($"{Name} did not exit within {limit.TotalSeconds:0.#} s and was killed.\n{Describe()}");
        }

        return _process.ExitCode;
    }

    /// <summary>Waits for the exit and for both readers to reach the end of the output; returns the exit code.</summary>
    public async Task<int> ExitedAsync(TimeSpan within)
    {
        var code = await ExitCodeAsync(within).ConfigureAwait(false);
        await DrainAsync().ConfigureAwait(false);
        return code;
    }

    /// <summary>What the process printed, for failure messages.</summary>
    public string Describe() =>
        $"--- {Name} stdout ---\n{string.Join('\n', Output)}\n--- {Name} stderr (last 40 lines) ---\n{string.Join('\n', Errors.TakeLast(40))}";

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            KillTree();
            await WaitAsync(ExitAfterKill).ConfigureAwait(false);
        }

        await DrainAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    private async Task<ProcessRun> RunToEndAsync(string? input, TimeSpan within)
    {
        await CloseInputAsync(input).ConfigureAwait(false);
        var code = await ExitedAsync(within).ConfigureAwait(false);
        return new ProcessRun(code, _output.Text, _errors.Text);
    }

    private void KillTree()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }

    private async Task<bool> WaitAsync(TimeSpan limit)
    {
        using var cancel = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(cancel.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    // A grandchild that keeps the pipes open would hold the readers for ever: they get a bounded wait too.
    private async Task DrainAsync()
    {
        var readers = Task.WhenAll(_output.Completion, _errors.Completion);
        await Task.WhenAny(readers, Task.Delay(ExitAfterKill)).ConfigureAwait(false);
    }

    private string? Find(string name) => Output.FirstOrDefault(l => l == name || l.StartsWith(name + " ", StringComparison.Ordinal));

    private async Task<string> FindAfterExitAsync(string name)
    {
        await DrainAsync().ConfigureAwait(false);
        return Find(name) ?? throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} without printing '{name}'.\n{Describe()}");
    }
}
