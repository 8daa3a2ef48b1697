using System.Diagnostics;
using System.Text.Json.Nodes;
using Article42.Mesh.Benchmarks.Cli;
using Article42.Mesh.Benchmarks.Systems.Mesh;
using Article42.Mesh.Benchmarks.Systems.Twin;
using Article42.Mesh.Load;

namespace Article42.Mesh.Benchmarks.Scenarios;

/// <summary>What every scenario shares: options, the payload, the participants, the cluster servers, and the JSON report.</summary>
internal sealed class BenchContext(BenchOptions options, ClusterServices services)
{
    public BenchOptions Options { get; } = options;
    public ClusterServices Services { get; } = services;
    public BenchPayload Payload { get; } = BenchPayload.Create(options.PayloadBytes);
    public IReadOnlyList<string> Participants { get; } = Systems.Participants.Gateways(options.Gateways);
    public JsonObject Report { get; } = [];

    /// <summary>Unmeasured traffic after a system starts: twice the warm-up, once in quick runs.</summary>
    private TimeSpan StartWarmUp => Options.Quick ? Options.WarmupTime : 2 * Options.WarmupTime;

    /// <summary>Starts a mesh and warms it up with closed-loop traffic that is not measured.</summary>
    public async Task<MeshSystem> StartMeshAsync(MeshSetup setup)
    {
        var clock = Stopwatch.StartNew();
        var mesh = await MeshSystem.StartAsync(setup, Participants, Payload, Services);
        Console.WriteLine($"started mesh: {setup.Describe()}, {Participants.Count} gateways connected in {clock.Elapsed.TotalSeconds:0.0} s");
        await WarmUp.RunAsync(mesh, Options.Concurrency, StartWarmUp);
        return mesh;
    }

    /// <summary>Starts the raw twin (or, <paramref name="signed"/>, the crypto twin) and warms it up like a mesh.</summary>
    public async Task<TwinSystem> StartTwinAsync(bool signed = false)
    {
        var clock = Stopwatch.StartNew();
        ITwinWork work = signed ? new SignedWork(Payload, Participants) : new RawWork(Payload);
        var twin = await TwinSystem.StartAsync(Participants, work);
        Console.WriteLine($"started {work.Kind} twin, {Participants.Count} gateways connected in {clock.Elapsed.TotalSeconds:0.0} s");
        await WarmUp.RunAsync(twin, Options.Concurrency, StartWarmUp);
        return twin;
    }
}
