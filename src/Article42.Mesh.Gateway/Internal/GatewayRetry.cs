using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Article42.Mesh.Gateway;

/// <summary>
/// Retries of idempotent requests (a gateway's submit with the same message id, an acknowledgement; an operator's
/// reads, each attempt with a fresh proof): on any transient failure (<see cref="Transient"/>), with exponential backoff
/// and jitter, until the deadline. Refusals are answers, not failures: never retried.
/// </summary>
internal static class GatewayRetry
{
    /// <summary>A gateway's pipeline: retried until <see cref="MeshGatewayOptions.SendDeadline"/>.</summary>
    public static ResiliencePipeline Create(MeshGatewayOptions options) =>
        Create(new RetrySchedule(options.SendDeadline, options.RetryBaseDelay, options.RetryMaxDelay, options.TimeProvider));

    /// <summary>The one pipeline every retried request of the SDK runs under.</summary>
    public static ResiliencePipeline Create(RetrySchedule schedule) =>
        new ResiliencePipelineBuilder { TimeProvider = schedule.Time }
            .AddTimeout(new TimeoutStrategyOptions { Timeout = schedule.Deadline })
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = schedule.BaseDelay,
                MaxDelay = schedule.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } failure && Transient.Is(failure)),
            })
            .Build();

    /// <summary>Runs <paramref name="request"/> under <paramref name="pipeline"/>; past the deadline a <see cref="TimeoutException"/> names <paramref name="what"/>.</summary>
    public static async Task<T> RunAsync<T>(this ResiliencePipeline pipeline, Func<CancellationToken, Task<T>> request, string what, TimeSpan deadline, CancellationToken cancellation)
    {
        try
        {
            return await pipeline.ExecuteAsync(async token => await request(token).ConfigureAwait(false), cancellation).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new TimeoutException($"{what}: no answer from the mesh within {deadline}; the outcome is unknown and repeating the request is safe", ex);
        }
    }
}
