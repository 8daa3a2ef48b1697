namespace Article42.Mesh.Benchmarks.Systems.Twin;

/// <summary>
/// The raw twin's participant: submits go to an in-memory queue per recipient, drained by one pump per recipient in
/// batches of up to 64 (the mesh's <c>Delivery:MaxBatch</c>), highest precedence first; deliveries go to an in-memory
/// inbox that rings its gateway's doorbell and hands out on fetch, highest precedence first. A submit passes the twin's
/// <see cref="ITwinWork.Admit"/> first (nothing for the raw twin, decode and verify for the crypto twin).
/// </summary>
public sealed class RawParticipantGrain(ITwinWork work) : Grain, IRawParticipantGrain
{
    private const int MaxBatch = 64;
    private readonly Dictionary<string, (PrecedenceQueues Queue, Task Running)> _outbox = new(StringComparer.Ordinal);
    private readonly PrecedenceQueues _inbox = new();
    private readonly Dictionary<string, RawMessage> _handed = new(StringComparer.Ordinal);
    private IRawDoorbell? _doorbell;

    public ValueTask SubmitAsync(RawMessage message, ImmutableArray<string> to)
    {
        work.Admit(this.GetPrimaryKeyString(), message.Payload);
        foreach (var recipient in to)
        {
            if (!_outbox.TryGetValue(recipient, out var pump))
                pump = (new PrecedenceQueues(), Task.CompletedTask);
            pump.Queue.Enqueue(message);
            if (pump.Running.IsCompleted)
                pump.Running = PumpAsync(recipient, pump.Queue);
            _outbox[recipient] = pump;
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask DeliverAsync(ImmutableArray<RawMessage> batch)
    {
        foreach (var message in batch)
            _inbox.Enqueue(message);
        _doorbell?.Ring();
        return ValueTask.CompletedTask;
    }

    public ValueTask<ImmutableArray<RawMessage>> FetchAsync(int max)
    {
        var messages = _inbox.Take(max);
        foreach (var message in messages)
            _handed[message.Id] = message;
        return ValueTask.FromResult(messages);
    }

    public ValueTask AcknowledgeAsync(ImmutableArray<string> messageIds)
    {
        foreach (var id in messageIds)
            _handed.Remove(id);
        return ValueTask.CompletedTask;
    }

    public ValueTask SubscribeAsync(IRawDoorbell doorbell)
    {
        _doorbell = doorbell;
        return ValueTask.CompletedTask;
    }

    private async Task PumpAsync(string recipient, PrecedenceQueues queue)
    {
        var target = GrainFactory.GetGrain<IRawParticipantGrain>(recipient);
        while (queue.Count > 0)
            await target.DeliverAsync(queue.Take(MaxBatch));
    }
}
