namespace Article42.Mesh.Gateway;

/// <summary>
/// How long a retried request is retried (<paramref name="Deadline"/>) and how it waits between attempts (exponential
/// backoff with jitter from <paramref name="BaseDelay"/> to <paramref name="MaxDelay"/>, on <paramref name="Time"/>):
/// what <see cref="GatewayRetry"/> needs of a gateway's or an operator's options.
/// </summary>
internal sealed record RetrySchedule(TimeSpan Deadline, TimeSpan BaseDelay, TimeSpan MaxDelay, TimeProvider Time);
