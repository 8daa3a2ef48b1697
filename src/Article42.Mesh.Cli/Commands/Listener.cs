using Article42.Mesh.Gateway;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Commands;

/// <summary>
/// The loops behind <c>a42 listen</c>: per participant, its inbox (printed, then acknowledged with <c>--ack</c>) and its
/// report feed, all printing whole lines to standard output, until <c>--count</c> envelopes or the timeout. With
/// <c>--state</c> each participant's <see cref="ProcessedMessages"/> marks a message (on disk) before it is printed: the
/// mesh hands every unacknowledged message again after a restart, and a marked one is not printed again.
/// </summary>
public sealed class Listener(ParticipantRegistry registry, bool acknowledge, int? wanted, Reachability reachability, string? stateDirectory = null)
{
    private readonly Lock _output = new();
    private int _printed;

    /// <returns>0 when <c>--count</c> envelopes arrived (or without <c>--count</c>, when stopped); 3 when the timeout came first.</returns>
    public async Task<int> RunAsync(IReadOnlyList<MeshGatewayOptions> participants, CancellationTokenSource stop, CancellationToken cancellation)
    {
        var gateways = new List<MeshGateway>();
        try
        {
            foreach (var connecting in participants.Select(options => MeshGateway.ConnectAsync(options, stop.Token)).ToList())
                gateways.Add(await connecting);
            reachability.Connected();
            var loops = gateways.SelectMany(mesh => new[] { ReceiveAsync(mesh, stop), PrintReportsAsync(mesh, stop.Token) });
            await Task.WhenAll(loops.Select(loop => StopAllOnFailureAsync(loop, stop)).ToList());
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellation.IsCancellationRequested)
        {
            // --count reached, or the timeout.
        }
        finally
        {
            await stop.CancelAsync();
            foreach (var mesh in gateways)
                await mesh.DisposeAsync();
        }
        return wanted is null || Volatile.Read(ref _printed) >= wanted ? ExitCodes.Success : ExitCodes.Partial;
    }

    /// <summary>A refused session or a broken feed ends every loop, so the command reports it instead of waiting out the timeout.</summary>
    private static async Task StopAllOnFailureAsync(Task loop, CancellationTokenSource stop)
    {
        try
        {
            await loop;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await stop.CancelAsync();
            throw;
        }
    }

    private async Task ReceiveAsync(MeshGateway mesh, CancellationTokenSource stop)
    {
        using var processed = stateDirectory is null ? null : ProcessedMessages.Open(Path.Combine(stateDirectory, mesh.Participant));
        try
        {
            await foreach (var message in mesh.ReceiveAsync(stop.Token))
            {
                var id = message.Envelope.MsgId;
                // Marked before printing: a kill in between loses that one line, never prints one twice.
                var fresh = processed is null || processed.TryMark(id);
                if (fresh)
                    Print(JsonLines.Received(mesh.Participant, message, verified: EnvelopeSignatures.Verify(message.Envelope, registry) is null));
                if (acknowledge)
                {
                    await mesh.AckAsync(message, stop.Token);
                    processed?.Acknowledged([id]);
                }
                if (fresh && Interlocked.Increment(ref _printed) == wanted)
                    await stop.CancelAsync();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Listening ended.
        }
    }

    private async Task PrintReportsAsync(MeshGateway mesh, CancellationToken stop)
    {
        try
        {
            await foreach (var report in mesh.ReportsAsync(stop))
                Print(JsonLines.Report(report, mesh.Participant));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Listening ended.
        }
    }

    private void Print(string line)
    {
        lock (_output)
            Console.WriteLine(line);
    }
}
