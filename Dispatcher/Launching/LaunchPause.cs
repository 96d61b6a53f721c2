namespace Transcoder.Dispatcher.Launching;

/// <summary>
/// Until when launching is pointless (ECS's circuit is open): the poller receives nothing until then, so messages stay
/// in the queue instead of being received, failed fast and requeued over and over during an outage.
/// </summary>
internal sealed class LaunchPause(TimeProvider time)
{
    private long _untilUtcTicks;

    /// <summary>Pauses launching for <paramref name="duration"/> from now, unless a longer pause is already set.</summary>
    public void For(TimeSpan duration)
    {
        var until = (time.GetUtcNow() + duration).UtcTicks;
        long current;
        do
        {
            current = Interlocked.Read(ref _untilUtcTicks);
            if (current >= until)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _untilUtcTicks, until, current) != current);
    }

    /// <summary>How long the pause still lasts (zero when launching is possible).</summary>
    public TimeSpan Remaining
    {
        get
        {
            var remaining = Interlocked.Read(ref _untilUtcTicks) - time.GetUtcNow().UtcTicks;
            return remaining > 0 ? TimeSpan.FromTicks(remaining) : TimeSpan.Zero;
        }
    }
}
