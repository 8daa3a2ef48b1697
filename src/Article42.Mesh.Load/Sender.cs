using System.Diagnostics;
using Article42.Mesh.Load.Systems;

namespace Article42.Mesh.Load;

/// <summary>
/// Sends one tracked message: registers it with the tracker, then sends it; a send that fails is recorded as failed.
/// A send is never cancelled half way: a message sent inside the window is followed until it arrives. A send the mesh
/// refuses for the sender's rate (A42-SUB-005: nothing stored) waits <see cref="RateBackoff"/> and is sent again, as a
/// gateway that respects the mesh's back-pressure would, for at most <see cref="RateGiveUp"/>: the load shows what the
/// mesh delivers, not how often a sender over its rate is turned away.
/// </summary>
public static class Sender
{
    private static readonly TimeSpan RateBackoff = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan RateGiveUp = TimeSpan.FromSeconds(30);

    /// <returns>Completes when every recipient has the message (faults when it could not be sent).</returns>
    public static async Task<Task> SendAsync(ISystemUnderTest system, int sender, Traffic traffic, long sequence, Random random, long? dueTimestamp)
    {
        var gateway = system.Gateways[sender];
        var to = traffic.Recipients(system.Gateways, sender, random);
        var precedence = traffic.PrecedenceAt(sequence);
        var id = Ulid.New(DateTimeOffset.UtcNow);
        var pending = system.Tracker.Expect(id, precedence, to.Count, dueTimestamp ?? Stopwatch.GetTimestamp());
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            try
            {
                await gateway.SendAsync(id, to, precedence, CancellationToken.None).ConfigureAwait(false);
                break;
            }
            catch (Gateway.MeshRefusedException refused) when (refused.Has(ErrorCodes.SenderRateExceeded) && Stopwatch.GetElapsedTime(started) < RateGiveUp)
            {
                await Task.Delay(RateBackoff).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                system.Tracker.Failed(id);
                Failures.Note(ex);
                break;
            }
        }
        return pending.Done.Task;
    }
}
