namespace Article42.Mesh.IntegrationTests;

/// <summary>An embedded silo process that lets one source address hold only <see cref="MaxPerAddress"/> gateway connections.</summary>
public sealed class CappedMesh : IAsyncLifetime
{
    public const int MaxPerAddress = 4;

    private readonly TempHome _home = new();
    private TestProcess? _silo;

    public SiloPorts Ports { get; } = SiloPorts.Free();

    public string Home => _home.Path;

    public TestProcess Silo => _silo ?? throw new InvalidOperationException("the silo has not started");

    public async ValueTask InitializeAsync()
    {
        _silo = SiloProcess.Start("embedded silo, connections capped", "Article42.Mesh.Silo.dll", Home,
            [.. Ports.Flags(), $"--Connections:MaxPerAddress={MaxPerAddress}"]);
        await _silo.ReadyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_silo is not null)
            await _silo.DisposeAsync();
        _home.Dispose();
    }
}
