namespace Article42.Mesh.Gateway;

/// <summary>
/// Failures that say nothing about the request itself: a call that timed out (unknown outcome), a silo that died or
/// rejected the message, no gateway connected, the mesh saying it could not serve the call now
/// (<see cref="MeshUnavailableException"/>, <c>A42-SRV-001</c>). Orleans never retries (at-most-once), so the SDK
/// does, with the same message id. Refusals are never transient: they come back as data or as a
/// <see cref="MeshRefusedException"/>.
/// </summary>
internal static class Transient
{
    public static bool Is(Exception exception) =>
        exception is TimeoutException or OrleansException or SessionLostException or MeshUnavailableException;

    /// <summary>Exponential backoff with full jitter, capped.</summary>
    public static TimeSpan Backoff(int attempt, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 20));
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped / 2 + Random.Shared.NextDouble() * capped / 2);
    }
}
