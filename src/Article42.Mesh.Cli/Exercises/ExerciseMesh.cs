using System.Net;
using System.Net.Sockets;
using Article42.Mesh.Gateway;
using Article42.Mesh.Hosting;
using Article42.Mesh.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Article42.Mesh.Cli.Exercises;

/// <summary>
/// The mesh an exercise runs against: by default a single embedded silo in this process, on a fresh temporary
/// data directory and free loopback ports (nothing of the exercise lingers); or a running cluster's gateways.
/// </summary>
internal sealed class ExerciseMesh : IAsyncDisposable
{
    private readonly IHost _client;
    private readonly RunningSilo? _silo;
    private readonly string? _temporary;

    private ExerciseMesh(IHost client, TrustStore store, string profile, RunningSilo? silo, string? temporary)
    {
        _client = client;
        Store = store;
        Profile = profile;
        _silo = silo;
        _temporary = temporary;
    }

    public IClusterClient Client => _client.Services.GetRequiredService<IClusterClient>();
    public TrustStore Store { get; }
    public string Profile { get; }

    /// <summary>Reads an activation's summary through the silo (silo-only); null against a remote cluster.</summary>
    public Func<string, Task<ActivationSummary?>>? Summaries =>
        _silo is null ? null : async id => await _silo.GrainFactory.GetGrain<IActivationGrain>(id).SummaryAsync();

    /// <summary>Exercise control of <paramref name="exerciseId"/> (silo-only); null against a remote cluster.</summary>
    public IExerciseGrain? Control(string exerciseId) => _silo?.GrainFactory.GetGrain<IExerciseGrain>(exerciseId);

    public static async Task<ExerciseMesh> EmbeddedAsync()
    {
        var directory = Directory.CreateTempSubdirectory("a42-exercise-").FullName;
        var (silo, gateway, http) = (FreePort(), FreePort(), FreePort());
        string[] args =
        [
            "--data", Path.Combine(directory, "data"), "--keys", Path.Combine(directory, "keys"),
            "--silo-port", $"{silo}", "--gateway-port", $"{gateway}", "--http-port", $"{http}", "--Dashboard:Enabled=false",
        ];
        var running = await MeshSilo.StartAsync(args, TextWriter.Null);
        var client = await ConnectAsync([new IPEndPoint(IPAddress.Loopback, gateway)]);
        return new ExerciseMesh(client, TrustStore.Open(Path.Combine(directory, "keys")), "embedded", running, directory);
    }

    /// <summary>A running mesh's gateways; with TLS when <paramref name="tls"/> is given (the operator's client certificate by default).</summary>
    public static async Task<ExerciseMesh> RemoteAsync(IReadOnlyList<IPEndPoint> gateways, string keys, MeshTlsOptions? tls) =>
        new(await ConnectAsync(gateways, tls), TrustStore.Open(keys), "remote", null, null);

    // A running mesh that nothing answers for ends the run at the first attempt, before any exercise work, as a
    // one-shot command does (A42-CLI-006, exit 4); the embedded silo is up by then, so the same holds for it.
    private static Task<IHost> ConnectAsync(IReadOnlyList<IPEndPoint> gateways, MeshTlsOptions? tls = null) =>
        MeshClientBuilder.StartAsync(new MeshClientOptions
        {
            Connection = new() { Endpoints = gateways, Tls = tls },
            CallTimeout = TimeSpan.FromSeconds(10),
            RetryConnection = true,
            OnUnreachable = Commands.Reachability.GiveUp,
        });

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _client.StopAsync();
        _client.Dispose();
        if (_silo is not null)
            await _silo.DisposeAsync();
        if (_temporary is not null)
            Directory.Delete(_temporary, recursive: true);
    }
}
