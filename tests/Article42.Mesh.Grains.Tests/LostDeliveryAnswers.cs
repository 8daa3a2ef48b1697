namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// A silo-side filter that lets the first deliveries to one participant be stored and then loses their answers, as a
/// recipient whose silo dies after its commit does: the sender must send the same batch again, and the recipient must
/// recognise what it already holds. Counts every delivery that reached it.
/// </summary>
public sealed class LostDeliveryAnswers(string recipient, int losses) : IIncomingGrainCallFilter
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.Name != nameof(IParticipantGrain.DeliverAsync) || context.TargetId.Key.ToString() != recipient)
        {
            await context.Invoke();
            return;
        }
        var call = Interlocked.Increment(ref _calls);
        await context.Invoke();
        if (call <= losses)
            throw new TimeoutException($"the answer to delivery {call} to {recipient} was lost on purpose");
    }
}
