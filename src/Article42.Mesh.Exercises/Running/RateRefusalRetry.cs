using Article42.Mesh.Gateway;

namespace Article42.Mesh.Exercises;

/// <summary>
/// A simulated gateway's answer to a submit the mesh refused for the sender's rate (A42-SUB-005, or A42-SUB-010 for
/// FLASH and OVERRIDE: nothing stored, "retry shortly"): it waits and sends again, as a real gateway respecting the
/// mesh's back-pressure does, so a burst in the MSEL is not reported as a refusal the players never made. Bounded:
/// <see cref="Attempts"/> sends with doubling waits from <see cref="FirstWait"/> (about 3 s in all, so any sender rate of
/// one a second or more lets a message through), then the refusal stands and is recorded as one.
/// </summary>
/// <remarks>
/// Not shared with the benchmark's <c>Load/Sender.cs</c>, on purpose: the benchmark measures what the mesh delivers and
/// keeps resending every 20 ms for 30 s so no message is lost; an exercise reports what the players did and must not
/// hide a mesh that keeps refusing, so it gives up after a few tries. A common helper would live in the gateway SDK,
/// adding a public API for two callers with different policies.
/// </remarks>
internal static class RateRefusalRetry
{
    public const int Attempts = 5;
    public static readonly TimeSpan FirstWait = TimeSpan.FromMilliseconds(200);

    /// <summary>Runs <paramref name="send"/> until it is not refused for the rate, or <see cref="Attempts"/> times; the last refusal is thrown.</summary>
    public static async Task SendAsync(Func<CancellationToken, Task> send, TimeProvider time, CancellationToken cancellation)
    {
        var wait = FirstWait;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await send(cancellation);
                return;
            }
            catch (MeshRefusedException refused) when (attempt < Attempts && IsRate(refused))
            {
                await Task.Delay(wait, time, cancellation);
                wait *= 2;
            }
        }
    }

    private static bool IsRate(MeshRefusedException refused) => refused.Has(ErrorCodes.SenderRateExceeded) || refused.Has(ErrorCodes.UrgentRateExceeded);
}
