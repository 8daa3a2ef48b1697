namespace Article42.Mesh.TestKit;

/// <summary>
/// Waiting for a condition instead of sleeping. Timeouts scale with <c>A42_TIMEOUT_MULTIPLIER</c> so a slow
/// CI machine gets more time without every test inventing its own factor.
/// </summary>
public static class Deadline
{
    public static double Multiplier =>
        double.TryParse(Environment.GetEnvironmentVariable("A42_TIMEOUT_MULTIPLIER"), System.Globalization.CultureInfo.InvariantCulture, out var factor) && factor > 0
            ? factor
            : 1;

    public static TimeSpan Scaled(TimeSpan timeout) => timeout * Multiplier;

    /// <summary>Polls <paramref name="condition"/> until it holds; throws a <see cref="TimeoutException"/> naming <paramref name="what"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = Scaled(timeout);
        var started = TimeProvider.System.GetTimestamp();
        var pause = TimeSpan.FromMilliseconds(5);
        while (!await condition().ConfigureAwait(false))
        {
            if (TimeProvider.System.GetElapsedTime(started) > limit)
            {
                throw new TimeoutException($"Timed out after {limit.TotalSeconds:0.#} s waiting for {what}.");
            }

            await Task.Delay(pause).ConfigureAwait(false);
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 100));
        }
    }

    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, what);
}
