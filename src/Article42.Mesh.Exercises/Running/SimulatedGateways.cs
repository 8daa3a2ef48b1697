using System.Collections.Concurrent;
using System.Security.Cryptography;
using Article42.Mesh.Gateway;

namespace Article42.Mesh.Exercises;

/// <summary>
/// One real gateway per simulated participant, each with its own Orleans client or all over one (<see cref="ParticipantConnections"/>): each reads its inbox (acknowledging at once;
/// the plan sends the human receipts at the scenario's pace) and its report feed, and records what it saw.
/// </summary>
internal sealed class SimulatedGateways : IAsyncDisposable
{
    private readonly Dictionary<string, MeshGateway> _gateways;
    private readonly ConcurrentQueue<(string MessageId, string Recipient, DeliveryEvent Event, DateTimeOffset At, NonDeliveryReason? Reason, int? Threshold)> _seen = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _readers = [];

    private readonly Action<GatewaySighting>? _sighted;

    private SimulatedGateways(Dictionary<string, MeshGateway> gateways, TimeProvider time, Action<GatewaySighting>? sighted)
    {
        _sighted = sighted;
        _gateways = gateways;
        foreach (var (participant, gateway) in _gateways)
        {
            _readers.Add(ReadInboxAsync(participant, gateway, time));
            _readers.Add(ReadReportsAsync(gateway));
        }
    }

    /// <summary>Connects one gateway per participant (all at once) and starts reading their inboxes and report feeds.</summary>
    /// <param name="connections">How each participant reaches the mesh: its own client, or one shared.</param>
    /// <param name="participants">One gateway each.</param>
    /// <param name="keyOf">Each participant's private key.</param>
    /// <param name="time">The clock of the gateways and of the sightings.</param>
    /// <param name="sighted">Told each sighting as it happens (the reactive engine's input); null when only <see cref="Seen"/> is read.</param>
    /// <param name="cancellation">Stops connecting.</param>
    public static async Task<SimulatedGateways> StartAsync(ParticipantConnections connections, IEnumerable<string> participants, Func<string, ECDsa> keyOf,
        TimeProvider time, Action<GatewaySighting>? sighted = null, CancellationToken cancellation = default)
    {
        var connecting = participants.Distinct().Select(p => (Participant: p, Gateway: connections.ConnectAsync(new MeshGatewayOptions
        {
            Participant = p,
            PrivateKey = keyOf(p),
            ReceiptsOnAck = false,
            PollInterval = TimeSpan.FromMilliseconds(250),
            ReportPollInterval = TimeSpan.FromMilliseconds(250),
            TimeProvider = time,
        }, cancellation))).ToList();
        try
        {
            await Task.WhenAll(connecting.Select(c => c.Gateway));
        }
        catch
        {
            // One participant that cannot connect ends the run; the others' connections are closed, not left behind.
            foreach (var connected in connecting.Where(c => c.Gateway.IsCompletedSuccessfully))
                await connected.Gateway.Result.DisposeAsync();
            throw;
        }
        return new SimulatedGateways(connecting.ToDictionary(c => c.Participant, c => c.Gateway.Result), time, sighted);
    }

    public int Delivered => _seen.Count(s => s.Event == DeliveryEvent.Delivered);
    public int Fetched => _seen.Count(s => s.Event == DeliveryEvent.Fetched);

    public IReadOnlyCollection<(string MessageId, string Recipient, DeliveryEvent Event, DateTimeOffset At, NonDeliveryReason? Reason, int? Threshold)> Seen => _seen;

    public MeshGateway Of(string participant) => _gateways[participant];

    private async Task ReadInboxAsync(string participant, MeshGateway gateway, TimeProvider time)
    {
        try
        {
            await foreach (var message in gateway.ReceiveAsync(_stopping.Token))
            {
                Sight((message.Envelope.MsgId, participant, DeliveryEvent.Fetched, time.GetUtcNow(), null, null));
                await gateway.AckAsync(message, _stopping.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The exercise is over.
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"inbox reader {participant} stopped: {ex}");
        }
    }

    private async Task ReadReportsAsync(MeshGateway gateway)
    {
        try
        {
            await foreach (var report in gateway.EventsAsync(_stopping.Token))
            {
                switch (report)
                {
                    case Delivered d:
                        Sight((d.MessageId, d.Recipient, DeliveryEvent.Delivered, d.At, null, null));
                        break;
                    case NotDelivered n:
                        Sight((n.MessageId, n.Recipient, DeliveryEvent.NotDelivered, n.At, n.Reason, null));
                        break;
                    case Escalated e:
                        Sight((e.MessageId, e.Recipient, DeliveryEvent.Escalated, e.At, null, e.ThresholdPercent));
                        break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The exercise is over.
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"report reader stopped: {ex}");
        }
    }

    private void Sight((string MessageId, string Recipient, DeliveryEvent Event, DateTimeOffset At, NonDeliveryReason? Reason, int? Threshold) seen)
    {
        _seen.Enqueue(seen);
        _sighted?.Invoke(new GatewaySighting(seen.MessageId, seen.Recipient, seen.Event, seen.At, seen.Reason, seen.Threshold));
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_readers.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default)));
        foreach (var gateway in _gateways.Values)
            await gateway.DisposeAsync();
        _stopping.Dispose();
    }
}
