namespace Article42.Mesh.Grains;

/// <summary>A token bucket per sender: <c>burst</c> submits at once, refilled at <c>rate</c> per second.</summary>
internal sealed class SenderRateLimiter(double ratePerSecond, int burst, TimeProvider time)
{
    private double _tokens = burst;
    private DateTimeOffset _refilledAt = time.GetUtcNow();

    public bool TryTake()
    {
        var now = time.GetUtcNow();
        _tokens = Math.Min(burst, _tokens + (now - _refilledAt).TotalSeconds * ratePerSecond);
        _refilledAt = now;
        if (_tokens < 1)
            return false;
        _tokens -= 1;
        return true;
    }
}
