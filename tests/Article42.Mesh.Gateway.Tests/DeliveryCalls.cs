using System.Collections.Concurrent;

namespace Article42.Mesh.Gateway.Tests;

/// <summary>
/// A silo's outgoing call filter that records every delivery batch a sender's outbox hands to a recipient grain, in the
/// order the calls leave (before the recipient takes them): the outbox stage of the delivery path, seen from outside.
/// </summary>
public sealed class DeliveryCalls : IOutgoingGrainCallFilter
{
    private readonly ConcurrentQueue<(string Recipient, DeliveryBatch Batch)> _calls = new();

    /// <summary>The batches handed out so far, in the order they left their outboxes.</summary>
    public IReadOnlyList<(string Recipient, DeliveryBatch Batch)> Calls => [.. _calls];

    public Task Invoke(IOutgoingGrainCallContext context)
    {
        if (context.Request.GetArgumentCount() == 1 && context.Request.GetArgument(0) is DeliveryBatch batch)
            _calls.Enqueue((context.TargetId.Key.ToString()!, batch));
        return context.Invoke();
    }
}
