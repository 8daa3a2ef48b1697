using Polly;
using Polly.Retry;

namespace Article42.Mesh.Grains;

/// <summary>
/// The retry policy of one delivery batch: each attempt bounded by the call timeout, retried with exponential
/// backoff and jitter until the batch's deadline. The pending rows are durable, so a crash mid-retry loses nothing;
/// this only decides when to try again.
/// </summary>
internal static class DeliveryRetry
{
    public static ResiliencePipeline Create(DeliveryOptions options, TimeProvider time, Func<DateTimeOffset> deadline, Action<int, TimeSpan>? onRetry = null) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.RetryJitter,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                // A timed-out attempt (TimeoutRejectedException) is retried like any failure; cancellation means the activation is stopping.
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } failure and not OperationCanceledException && time.GetUtcNow() < deadline()),
                OnRetry = args =>
                {
                    onRetry?.Invoke(args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.CallTimeout)
            .Build();
}
