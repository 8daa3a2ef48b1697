namespace Article42.Mesh.Benchmarks.Systems.Twin;

/// <summary>
/// The raw twin of a participant grain: the same hops as the mesh (gateway to sender grain, sender grain to recipient
/// grain in batches, recipient to gateway by doorbell and fetch, acknowledgement) in plain Orleans calls, held only in
/// memory: no journal, no signatures, no sessions, no validation.
/// </summary>
[Alias("bench.raw-participant")]
public interface IRawParticipantGrain : IGrainWithStringKey
{
    [Alias("submit")]
    ValueTask SubmitAsync(RawMessage message, ImmutableArray<string> to);

    [Alias("deliver")]
    ValueTask DeliverAsync(ImmutableArray<RawMessage> batch);

    [Alias("fetch")]
    ValueTask<ImmutableArray<RawMessage>> FetchAsync(int max);

    [Alias("ack")]
    ValueTask AcknowledgeAsync(ImmutableArray<string> messageIds);

    [Alias("subscribe")]
    ValueTask SubscribeAsync(IRawDoorbell doorbell);
}
