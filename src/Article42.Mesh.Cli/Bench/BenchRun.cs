using Article42.Mesh.Cli.Commands;
using Article42.Mesh.Gateway;
using Article42.Mesh.Load;
using Article42.Mesh.Load.Systems;

namespace Article42.Mesh.Cli.Bench;

/// <summary>
/// One bench run: connects the roster's gateways, runs the shared load generator's closed loop (senders to receivers,
/// point to point, the mix's precedences in turn) through a warm-up and a measured window (kept open past its duration
/// until a message of each precedence of the mix was sent in it, so each gets its row), waits for the window's
/// messages to arrive, and disconnects. Every gateway acknowledges what it is handed, so nothing stays behind.
/// </summary>
internal static class BenchRun
{
    private static readonly TimeSpan SendDeadline = TimeSpan.FromSeconds(30);

    public static async Task<BenchReport> RunAsync(BenchSetup setup, BenchPayload payload, Func<string, MeshGatewayOptions> optionsFor, bool json, CancellationToken cancellation)
    {
        (json ? Console.Error : Console.Out).WriteLine(setup.Describe());
        var options = setup.Roster.All.Select(id => optionsFor(id) with { OnUnreachable = Reachability.GiveUp, ReceiptsOnAck = false, SendDeadline = SendDeadline }).ToList();
        await using var mesh = await RemoteMesh.ConnectAsync(options, payload, cancellation);
        var senders = setup.Roster.Senders.Length;
        var traffic = new Traffic(Pattern.PointToPoint, setup.Mix.Cycle())
        {
            Among = [.. Enumerable.Range(0, senders)],
            Receivers = [.. Enumerable.Range(senders, setup.Roster.Receivers.Length)],
        };
        var load = new ClosedLoad(mesh, traffic, setup.InFlight);
        var figures = await BenchProgress.RunAsync(mesh.Tracker, setup.Warmup, setup.Duration, json,
            () => Measurement.RunAsync(mesh, [load], setup.Warmup, setup.Duration, [.. setup.Mix.Weights.Select(w => w.Precedence)]));
        return new BenchReport(setup, figures);
    }
}
