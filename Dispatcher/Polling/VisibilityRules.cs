using Transcoder.Dispatcher.Options;

namespace Transcoder.Dispatcher.Polling;

/// <summary>How long a message stays invisible after the dispatcher is done with it for now.</summary>
public sealed class VisibilityRules(DispatcherOptions options)
{
    // SQS's ceiling for a message's visibility timeout.
    private static readonly TimeSpan MaxVisibility = TimeSpan.FromHours(12);

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

    /// <summary>On shutdown, for a message not yet launched: visible again at once, for another dispatcher.</summary>
    public static TimeSpan Release => TimeSpan.Zero;

    private static TimeSpan Clamp(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value > MaxVisibility ? MaxVisibility : value;
}
