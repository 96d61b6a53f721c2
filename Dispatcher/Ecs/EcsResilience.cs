using Polly;
using System.Threading.RateLimiting;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Transcoder.Dispatcher.Ecs;

/// <summary>
/// The RunTask pipeline, built once: retries with exponential backoff and jitter for what
/// <see cref="IsTransient"/> calls transient, inside a circuit breaker that fails fast through a long ECS outage
/// instead of hot-looping every message through its retries.
/// </summary>
internal static class EcsResilience
{
    /// <summary>Fargate's documented RunTask rate (see <see cref="Create"/>).</summary>
    public const int RunTaskCallsPerSecond = 20;

    public static ResiliencePipeline Create(int maxAttempts, TimeSpan baseDelay, TimeProvider time, Action<Exception>? onRetry = null)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (maxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = maxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = baseDelay,
                MaxDelay = TimeSpan.FromSeconds(20),
                OnRetry = args =>
                {
                    if (args.Outcome.Exception is { } exception)
                    {
                        onRetry?.Invoke(exception);
                    }

                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                // Only outages trip it: a bad parameter is this message's problem, not ECS's.
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                FailureRatio = 0.8,
                MinimumThroughput = 20,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(30),
            })
            // Innermost, so every attempt (retries too) takes a token. Fargate allows RunTask at 20 calls per second,
            // burst and sustained, per account and region:
            // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/throttling.html#fargate-throttling-runtask
            // Calls beyond it wait in line (after an outage the backlog drains at exactly that rate) instead of being
            // throttled by ECS. The limiter counts real time: System.Threading.RateLimiting takes no TimeProvider.
            .AddRateLimiter(new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = RunTaskCallsPerSecond,
                TokensPerPeriod = RunTaskCallsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }))
            .Build();
    }

    /// <summary>Throttling, 5xx, network errors and capacity/ENI failures: worth another attempt.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        EcsApiException api => api.IsRetryable,
        RunTaskFailuresException failures => failures.IsRetryable,
        HttpRequestException => true,
        // HttpClient's own timeout; a cancellation the caller asked for is not a fault (the pipeline checks its token).
        TaskCanceledException { InnerException: TimeoutException } => true,
        _ => false,
    };
}
