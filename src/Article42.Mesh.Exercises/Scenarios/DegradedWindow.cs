namespace Article42.Mesh.Exercises;

/// <summary>
/// A stretch of the scenario clock, from <see cref="From"/> (included) to <see cref="To"/> (excluded), when a participant's
/// link to the mesh is slow and lossy: every crossing of the link (a message reaching its gateway, or one it sends) costs
/// <see cref="Delay"/>, and with probability <see cref="Loss"/> the crossing is lost and resent by the gateway, which costs
/// <see cref="ResendWait"/> and another <see cref="Delay"/> more.
/// </summary>
public sealed record DegradedWindow(TimeSpan From, TimeSpan To, TimeSpan Delay, double Loss)
{
    /// <summary>How long (scenario time) a gateway waits for a crossing it lost before it resends it.</summary>
    public static readonly TimeSpan ResendWait = TimeSpan.FromSeconds(30);

    public bool Contains(TimeSpan at) => at >= From && at < To;

    /// <summary>What one crossing costs: <see cref="Delay"/>, or when it was lost the wait for the resend and the resend's own delay as well.</summary>
    public TimeSpan Cost(bool lost) => lost ? Delay + ResendWait + Delay : Delay;
}
