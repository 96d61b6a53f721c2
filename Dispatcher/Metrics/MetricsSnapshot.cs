namespace Transcoder.Dispatcher.Metrics;

/// <summary>What <see cref="DispatchMetrics"/> counted over one interval.</summary>
internal sealed record MetricsSnapshot(
    long Received,
    long Launched,
    long Throttled,
    long Failed,
    long Ignored,
    long Invalid,
    IReadOnlyList<double> DispatchLatencyMs)
{
    public bool IsEmpty => Received == 0 && Launched == 0 && Throttled == 0 && Failed == 0 && Ignored == 0 && Invalid == 0;
}
