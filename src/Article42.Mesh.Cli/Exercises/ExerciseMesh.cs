using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Article42.Mesh.Exercises;
using Article42.Mesh.Gateway;
using Article42.Mesh.Hosting;
using Article42.Mesh.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Article42.Mesh.Cli.Exercises;

/// <summary>
/// The mesh an exercise runs against: by default a single embedded silo in this process, on a fresh temporary
/// data directory and free loopback ports (nothing of the exercise lingers); or a running cluster's gateways. Either
/// way each simulated participant connects as a real gateway does (<see cref="Participants"/>) and exercise control
/// goes through the operator-signed admin grain (<see cref="Control"/>), so the runner needs nothing inside a silo.
/// </summary>
internal sealed class ExerciseMesh : IAsyncDisposable
{
    private readonly MeshOperator _operator;
    private readonly IHost? _sharedClient;
    private readonly ECDsa _operatorKey;
    private readonly RunningSilo? _silo;
    private readonly string? _temporary;

    private ExerciseMesh(MeshOperator @operator, ECDsa operatorKey, (ParticipantConnections Connections, IHost? Shared) participants, TrustStore store, string profile, RunningSilo? silo, string? temporary)
    {
        _operator = @operator;
        _operatorKey = operatorKey;
        (Participants, _sharedClient) = participants;
        Store = store;
        Profile = profile;
        _silo = silo;
        _temporary = temporary;
    }

    /// <summary>How each simulated participant reaches the mesh: its own Orleans client, with its own certificate under TLS.</summary>
    public ParticipantConnections Participants { get; }

    public TrustStore Store { get; }
    public string Profile { get; }

    /// <summary>
    /// Reads an activation's summary through the operator-signed admin grain, on the embedded silo as on a cluster: one
    /// path, so the embedded runs prove what a run against a cluster reports. One labelled above the operator's
    /// clearance is left out of the report (withheld), as one never opened is.
    /// </summary>
    public Func<string, Task<ActivationSummary?>> Summaries => async id => (await _operator.ActivationSummaryAsync(id)).Summary;

    /// <summary>Exercise control of <paramref name="exerciseId"/> through the admin grain, signed with the operator key.</summary>
    public IExerciseControl Control(string exerciseId) => new OperatorExerciseControl(_operator, exerciseId);

    public static async Task<ExerciseMesh> EmbeddedAsync(ExerciseClients clients)
    {
        var directory = Directory.CreateTempSubdirectory("a42-exercise-").FullName;
        var (silo, gateway, http) = (FreePort(), FreePort(), FreePort());
        string[] args =
        [
            "--data", Path.Combine(directory, "data"), "--keys", Path.Combine(directory, "keys"),
            "--silo-port", $"{silo}", "--gateway-port", $"{gateway}", "--http-port", $"{http}", "--Dashboard:Enabled=false",
        ];
        var running = await MeshSilo.StartAsync(args, TextWriter.Null);
        var store = TrustStore.Open(Path.Combine(directory, "keys"));
        var connection = new MeshConnection { Endpoints = [new IPEndPoint(IPAddress.Loopback, gateway)] };
        var key = store.LoadPrivateKey(TrustStore.OperatorKeyName);
        return new ExerciseMesh(await ConnectOperatorAsync(connection, key), key, await ParticipantsAsync(clients, _ => connection), store, "embedded", running, directory);
    }

    /// <summary>
    /// A running mesh's gateways: each participant with <paramref name="tlsOf"/> its TLS options (its own client
    /// certificate), exercise control with the operator's (<paramref name="tlsOf"/> of <c>operator</c>) and key.
    /// </summary>
    public static async Task<ExerciseMesh> RemoteAsync(IReadOnlyList<IPEndPoint> gateways, string keys, Func<string, MeshTlsOptions?> tlsOf, string operatorKeyPath, ExerciseClients clients)
    {
        if (!File.Exists(operatorKeyPath))
            throw new CliException(CliErrorCodes.NoPrivateKey, "--operator-key", $"no operator key at '{operatorKeyPath}' (exercise control is signed with it; a42 keys init makes one)");
        var store = TrustStore.Open(keys);
        var key = ParticipantKeys.LoadPrivateKey(operatorKeyPath);
        MeshConnection ConnectionOf(string participant) => new() { Endpoints = gateways, Tls = tlsOf(participant) };
        return new ExerciseMesh(await ConnectOperatorAsync(ConnectionOf(TrustStore.OperatorKeyName), key), key, await ParticipantsAsync(clients, ConnectionOf), store, "remote", null, null);
    }

    // A running mesh that nothing answers for ends the run at the first attempt, before any exercise work, as a
    // one-shot command does (A42-CLI-006, exit 4); the embedded silo is up by then, so the same holds for it.
    // Shared: one client on the operator's connection (and certificate) for every participant.
    private static async Task<(ParticipantConnections, IHost?)> ParticipantsAsync(ExerciseClients clients, Func<string, MeshConnection> connectionOf)
    {
        if (clients == ExerciseClients.PerParticipant)
            return (ParticipantConnections.PerParticipant(connectionOf, Commands.Reachability.GiveUp), null);
        var shared = await MeshClientBuilder.StartAsync(new MeshClientOptions
        {
            Connection = connectionOf(TrustStore.OperatorKeyName),
            CallTimeout = TimeSpan.FromSeconds(10),
            RetryConnection = true,
            OnUnreachable = Commands.Reachability.GiveUp,
        });
        return (ParticipantConnections.Shared(shared.Services.GetRequiredService<IClusterClient>()), shared);
    }

    private static Task<MeshOperator> ConnectOperatorAsync(MeshConnection connection, ECDsa key) =>
        MeshOperator.ConnectAsync(new MeshOperatorOptions { OperatorKey = key, Connection = connection, OnUnreachable = Commands.Reachability.GiveUp });

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _operator.DisposeAsync();
        if (_sharedClient is not null)
        {
            await _sharedClient.StopAsync();
            _sharedClient.Dispose();
        }
        _operatorKey.Dispose();
        if (_silo is not null)
            await _silo.DisposeAsync();
        if (_temporary is not null)
            Directory.Delete(_temporary, recursive: true);
    }
}
