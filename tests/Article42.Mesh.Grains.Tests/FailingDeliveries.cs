namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// A silo-side filter that makes the first deliveries to one participant fail, as a recipient on a dying silo does,
/// and counts every delivery that reached it.
/// </summary>
public sealed class FailingDeliveries(string recipient, int failures) : IIncomingGrainCallFilter
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.Name != nameof(IParticipantGrain.DeliverAsync) || context.TargetId.Key.ToString() != recipient)
            return context.Invoke();
        return Interlocked.Increment(ref _calls) <= failures
            ? throw new TimeoutException($"delivery to {recipient} failed on purpose")
            : context.Invoke();
    }
}
