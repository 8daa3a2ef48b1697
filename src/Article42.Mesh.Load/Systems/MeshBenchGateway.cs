using Article42.Mesh.Gateway;
using Article42.Mesh.Load.Measuring;

namespace Article42.Mesh.Load.Systems;

/// <summary>
/// A <see cref="MeshGateway"/> (its own Orleans client) driven the way a national gateway application would: it signs and
/// sends, and reads its inbox continuously, telling the tracker of each message it is handed and acknowledging in batches.
/// DEFERRED messages are the benchmark's backlog: handed to the application, never acknowledged, unless
/// <c>acknowledgeDeferred</c> (<c>a42 bench</c>, which leaves nothing behind in a mesh it does not own).
/// </summary>
public sealed class MeshBenchGateway : IBenchGateway
{
    private readonly MeshGateway _gateway;
    private readonly BenchPayload _payload;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _receiving;
    private readonly Task _acknowledging;

    private readonly bool _acknowledgeDeferred;

    public MeshBenchGateway(MeshGateway gateway, BenchPayload payload, DeliveryTracker tracker, bool acknowledgeDeferred = false)
    {
        _acknowledgeDeferred = acknowledgeDeferred;
        _gateway = gateway;
        _payload = payload;
        var acks = new AckQueue<InboxMessage>((batch, token) => _gateway.AckAsync(batch, token), maxBatch: 500);
        _acknowledging = Task.Run(() => acks.RunAsync(_stopping.Token));
        _receiving = Task.Run(() => ReceiveAsync(tracker, acks, _stopping.Token));
    }

    public string Participant => _gateway.Participant;

    public Task SendAsync(string messageId, IReadOnlyList<string> to, Precedence precedence, CancellationToken cancellation) =>
        _gateway.SendAsync(_payload.Apply(_gateway.Draft(MessageKind.Sitrep, [.. to]), messageId, precedence), cancellation);

    private async Task ReceiveAsync(DeliveryTracker tracker, AckQueue<InboxMessage> acks, CancellationToken cancellation)
    {
        try
        {
            await foreach (var message in _gateway.ReceiveAsync(cancellation).ConfigureAwait(false))
            {
                if (message.Precedence == Precedence.Deferred && !_acknowledgeDeferred)
                {
                    tracker.ParkedReceived();
                    continue;
                }
                tracker.Received(message.Envelope.MsgId);
                acks.Add(message);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_receiving, _acknowledging).ConfigureAwait(false);
        await _gateway.DisposeAsync();
        _stopping.Dispose();
    }

    /// <summary>The version of the operator-signed registry the gateway checks what it receives against; null while it checks nothing.</summary>
    public long? RegistryVersion => _gateway.RegistryVersion;
}
