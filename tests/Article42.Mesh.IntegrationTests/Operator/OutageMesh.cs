using Article42.Mesh.Grains;
using Article42.Mesh.Storage;
using Article42.Mesh.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Article42.Mesh.IntegrationTests;

/// <summary>
/// One silo in this process on free loopback ports (the mesh's default cluster ids, so the built <c>a42</c> reaches it
/// with <c>--gateway</c> alone), whose journal can go down like a restarting PostgreSQL (<see cref="Journal"/>) and whose
/// operator requests are recorded or refused (<see cref="AdminCalls"/>); its A42_HOME holds a development trust store
/// and the operator key the silo trusts.
/// </summary>
public sealed class OutageMesh : IAsyncLifetime
{
    private readonly TempHome _home = new();
    private IMessageJournal? _inner;
    private IHost? _silo;

    public OutageJournal Journal { get; private set; } = null!;

    public AdminCalls AdminCalls { get; } = new();

    public string Home => _home.Path;

    public string Gateway { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var keys = Path.Combine(Home, "keys");
        var store = TrustStore.Create(keys, ParticipantRegistry.Default);
        _inner = await SqliteJournal.OpenAsync(new SqliteJournalOptions(Path.Combine(Home, "journal.db")));
        Journal = new OutageJournal(_inner);
        var ports = FreePorts.Take(2);
        Gateway = $"127.0.0.1:{ports[1]}";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(InProcessMesh.DefaultSettings()).Build();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "outage-silo" });
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(ports[0], ports[1], serviceId: MeshDefaults.ServiceId, clusterId: MeshDefaults.ClusterId);
            silo.Services.AddSingleton(store.Registry);
            silo.Services.AddSingleton(OperatorKey.Load(keys));
            silo.Services.AddSingleton<IMessageJournal>(Journal);
            silo.Services.AddSingleton<IIncomingGrainCallFilter>(AdminCalls);
            silo.AddMeshGrains(configuration);
        });
        _silo = builder.Build();
        await _silo.StartAsync();
    }

    /// <summary>Starts <c>a42 ARGS --gateway</c> this silo's gateway, in this mesh's A42_HOME.</summary>
    public TestProcess Start(params string[] args) =>
        SiloProcess.Start($"a42 {args[0]}", "a42.dll", Home, [.. args, "--gateway", Gateway]);

    /// <summary>Runs <c>a42 ARGS</c> to its end.</summary>
    public async Task<A42Run> RunAsync(params string[] args)
    {
        await using var process = Start(args);
        var exit = await process.ExitedAsync(TimeSpan.FromMinutes(2));
        return new A42Run(exit, process.Output, process.Errors);
    }

    public async ValueTask DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.StopAsync();
            _silo.Dispose();
        }
        if (_inner is not null)
            await _inner.DisposeAsync();
        _home.Dispose();
    }
}
