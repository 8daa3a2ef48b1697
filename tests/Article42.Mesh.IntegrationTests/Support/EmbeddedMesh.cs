namespace Article42.Mesh.IntegrationTests;

/// <summary>
/// One embedded silo process for a test class, in its own A42_HOME (development trust store, operator key), and the
/// built <c>a42</c> run against it as real processes.
/// </summary>
public sealed class EmbeddedMesh : IAsyncLifetime
{
    private readonly TempHome _home = new();
    private SiloProcess? _silo;

    public SiloPorts Ports { get; } = SiloPorts.Free();

    public string Home => _home.Path;

    public string Gateway => $"127.0.0.1:{Ports.Gateway}";

    public SiloProcess Silo => _silo ?? throw new InvalidOperationException("the silo has not started");

    public async ValueTask InitializeAsync()
    {
        _silo = SiloProcess.Start("embedded silo", "Article42.Mesh.Silo.dll", Home, Ports.Flags());
        await _silo.ReadyAsync();
    }

    /// <summary>Starts <c>a42 ARGS --gateway</c> this silo's gateway.</summary>
    public SiloProcess Start(string name, params string[] args) =>
        SiloProcess.Start(name, "a42.dll", Home, [.. args, "--gateway", Gateway]);

    /// <summary>Runs <c>a42 ARGS --gateway</c> this silo's gateway to its end.</summary>
    public async Task<A42Run> RunAsync(params string[] args)
    {
        await using var process = Start($"a42 {args[0]}", args);
        var exit = await process.ExitedAsync(TimeSpan.FromMinutes(2));
        return new A42Run(exit, process.Output, process.Errors);
    }

    public async ValueTask DisposeAsync()
    {
        if (_silo is not null)
            await _silo.DisposeAsync();
        _home.Dispose();
    }
}
