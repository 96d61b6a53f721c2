using Transcoder.Dispatcher.Options;
using Transcoder.Shared.Jobs;

namespace Transcoder.Dispatcher.Polling;

/// <summary>How long a message stays invisible after the dispatcher is done with it for now.</summary>
internal sealed class VisibilityRules(DispatcherOptions options)
{
    // SQS's ceiling for a message's DelaySeconds (15 minutes):
    // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-message-timers.html
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);

    /// <summary>After a launch: long enough for the task to start and take over with its own heartbeat.</summary>
    public TimeSpan AfterLaunch => Clamp(options.TaskStartGrace);

    /// <summary>
    /// After a failed launch: the base backoff doubled for each earlier receive, capped, so a failing message comes
    /// back later and later until the redrive policy moves it to the DLQ.
    /// </summary>
    public TimeSpan AfterFailure(int receiveCount)
    {
        var exponent = Math.Clamp(receiveCount - 1, 0, 20);
        var seconds = options.RetryBackoffBase.TotalSeconds * Math.Pow(2, exponent);
        return Clamp(TimeSpan.FromSeconds(Math.Min(seconds, options.RetryBackoffMax.TotalSeconds)));
    }

    /// <summary>
    /// Delay of the copy requeued after an infrastructure failure (throttling, 5xx, capacity, an open circuit): the base
    /// backoff doubled for each earlier requeue, capped by <c>RETRY_BACKOFF_MAX_SECONDS</c> and by SQS's 15-minute
    /// message delay. A fresh copy starts at receive 1, so an outage of any length never reaches the DLQ.
    /// </summary>
    public TimeSpan RequeueDelay(int infrastructureRetries)
    {
        var exponent = Math.Clamp(infrastructureRetries, 0, 20);
        var seconds = Math.Min(options.RetryBackoffBase.TotalSeconds * Math.Pow(2, exponent), options.RetryBackoffMax.TotalSeconds);
        var delay = TimeSpan.FromSeconds(seconds);
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxDelay ? MaxDelay : delay;
    }

    /// <summary>On shutdown, for a message not yet launched: visible again at once, for another dispatcher.</summary>
    public static TimeSpan Release => TimeSpan.Zero;

    private static TimeSpan Clamp(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value > JobLease.VisibilityCeiling ? JobLease.VisibilityCeiling : value;
}
