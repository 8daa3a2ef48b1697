using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Article42.Mesh.Gateway;

/// <summary>
/// Retries of idempotent requests (a submit with the same message id, an acknowledgement): on any transient failure,
/// with exponential backoff and jitter, until the send deadline. Refusals are answers, not failures: never retried.
/// </summary>
internal static class GatewayRetry
{
    public static ResiliencePipeline Create(MeshGatewayOptions options) =>
        new ResiliencePipelineBuilder { TimeProvider = options.TimeProvider }
            .AddTimeout(new TimeoutStrategyOptions { Timeout = options.SendDeadline })
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
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
