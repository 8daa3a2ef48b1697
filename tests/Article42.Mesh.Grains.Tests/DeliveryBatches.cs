using System.Collections.Concurrent;

namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// A silo-side filter on the deliveries to one participant: while <see cref="Held"/> it fails them, as a recipient on a
/// dying silo does, so the sender's outbox fills; once released it records every batch that reaches the recipient
/// (its message ids and envelope bytes, canonical JSON as stored) and lets it through.
/// </summary>
public sealed class DeliveryBatches(string recipient) : IIncomingGrainCallFilter
{
    private readonly ConcurrentQueue<Batch> _batches = new();
    private int _held;

    /// <summary>True while deliveries to the recipient fail.</summary>
    public bool Held
    {
        get => Volatile.Read(ref _held) == 1;
        set => Volatile.Write(ref _held, value ? 1 : 0);
    }

    /// <summary>The batches that reached the recipient, in arrival order.</summary>
    public IReadOnlyList<Batch> Delivered => [.. _batches];

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.Name != nameof(IParticipantGrain.DeliverAsync) || context.TargetId.Key.ToString() != recipient)
            return context.Invoke();
        if (Held)
            throw new TimeoutException($"delivery to {recipient} held by the test");
        var envelopes = ((DeliveryBatch)context.Request.GetArgument(0)!).Envelopes;
        _batches.Enqueue(new Batch([.. envelopes.Select(e => e.MsgId)], envelopes.Sum(e => (long)EnvelopeCodec.Encode(e).Length)));
        return context.Invoke();
    }

    /// <summary>One delivery batch as it reached the recipient.</summary>
    public sealed record Batch(ImmutableArray<string> MessageIds, long Bytes);
}
