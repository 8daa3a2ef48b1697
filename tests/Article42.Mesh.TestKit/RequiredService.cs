namespace Article42.Mesh.TestKit;

/// <summary>
/// What a test does when a service it needs (PostgreSQL, Redis) cannot be started here: skip with the reason,
/// or fail when CI says services are required (<c>A42_REQUIRE_SERVICES=1</c>).
/// </summary>
public static class RequiredService
{
    /// <summary>The xunit.v3 contract: an exception whose message starts with this skips the test.</summary>
    private const string DynamicSkipToken = "$XunitDynamicSkip$";

    public static bool Required => Environment.GetEnvironmentVariable("A42_REQUIRE_SERVICES") == "1";

    /// <summary>The exception to throw from the test: it skips the test, or fails it when services are required.</summary>
    public static Exception Unavailable(string reason) =>
        Required
            ? new ServiceUnavailableException($"{reason} (A42_REQUIRE_SERVICES=1, so this fails instead of skipping)")
            : new ServiceUnavailableException(DynamicSkipToken + reason);
}
