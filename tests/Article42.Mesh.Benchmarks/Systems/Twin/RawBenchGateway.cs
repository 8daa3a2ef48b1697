using Article42.Mesh.Load.Measuring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Article42.Mesh.Benchmarks.Systems.Twin;

/// <summary>
/// The raw twin of <see cref="MeshBenchGateway"/>: its own Orleans client, submits to its participant's raw grain,
/// and a fetch loop woken by the doorbell (or every 2 s, as the SDK polls) that tells the tracker of each message and
/// acknowledges in batches.
/// </summary>
internal sealed class RawBenchGateway : IBenchGateway
{
    private const int FetchBatch = 500;
    private readonly IHost _client;
    private readonly IRawParticipantGrain _grain;
    private readonly ITwinWork _work;
    private readonly RawDoorbell _doorbell = new();
    private readonly IRawDoorbell _doorbellReference;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _receiving;
    private readonly Task _acknowledging;

    public RawBenchGateway(IHost client, string participant, ITwinWork work, DeliveryTracker tracker)
    {
        _client = client;
        Participant = participant;
        _work = work;
        var grains = client.Services.GetRequiredService<IClusterClient>();
        _grain = grains.GetGrain<IRawParticipantGrain>(participant);
        _doorbellReference = grains.CreateObjectReference<IRawDoorbell>(_doorbell);
        var acks = new AckQueue<string>((ids, _) => _grain.AcknowledgeAsync([.. ids]).AsTask(), maxBatch: FetchBatch);
        _acknowledging = Task.Run(() => acks.RunAsync(_stopping.Token));
        _receiving = Task.Run(() => ReceiveAsync(tracker, acks, _stopping.Token));
    }

    public string Participant { get; }

    public Task SendAsync(string messageId, IReadOnlyList<string> to, Precedence precedence, CancellationToken cancellation) =>
        _grain.SubmitAsync(new RawMessage(messageId, Participant, precedence, _work.Seal(Participant, messageId, to, precedence)), [.. to]).AsTask();

    private async Task ReceiveAsync(DeliveryTracker tracker, AckQueue<string> acks, CancellationToken cancellation)
    {
        try
        {
            await _grain.SubscribeAsync(_doorbellReference);
            while (!cancellation.IsCancellationRequested)
            {
                ImmutableArray<RawMessage> messages;
                try
                {
                    messages = await _grain.FetchAsync(FetchBatch);
                }
                catch (Exception ex) when (ex is TimeoutException or OrleansException)
                {
                    Load.Failures.Note(ex);
                    await Task.Delay(100, cancellation);
                    continue;
                }
                foreach (var message in messages)
                {
                    if (message.Precedence == Precedence.Deferred)
                    {
                        tracker.ParkedReceived();
                        continue;
                    }
                    _work.Open(message.Payload);
                    tracker.Received(message.Id);
                    acks.Add(message.Id);
                }
                if (messages.Length < FetchBatch)
                    await _doorbell.WaitAsync(TimeSpan.FromSeconds(2), cancellation);
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
        await Task.WhenAll(_receiving, _acknowledging);
        await _client.StopAsync();
        _client.Dispose();
        _stopping.Dispose();
    }
}
