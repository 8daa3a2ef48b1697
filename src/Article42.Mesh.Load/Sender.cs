using System.Diagnostics;
using Article42.Mesh.Load.Systems;

namespace Article42.Mesh.Load;

/// <summary>
/// Sends one tracked message: registers it with the tracker, then sends it; a send that fails is recorded as failed.
/// A send is never cancelled half way: a message sent inside the window is followed until it arrives.
/// </summary>
public static class Sender
{
    /// <returns>Completes when every recipient has the message (faults when it could not be sent).</returns>
    public static async Task<Task> SendAsync(ISystemUnderTest system, int sender, Traffic traffic, long sequence, Random random, long? dueTimestamp)
    {
        var gateway = system.Gateways[sender];
        var to = traffic.Recipients(system.Gateways, sender, random);
        var precedence = traffic.PrecedenceAt(sequence);
        var id = Ulid.New(DateTimeOffset.UtcNow);
        var pending = system.Tracker.Expect(id, precedence, to.Count, dueTimestamp ?? Stopwatch.GetTimestamp());
        try
        {
            await gateway.SendAsync(id, to, precedence, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            system.Tracker.Failed(id);
            Failures.Note(ex);
        }
        return pending.Done.Task;
    }
}
