namespace Transcoder.Dispatcher.Metrics;

/// <summary>
/// Counters and latencies since the last flush, shared by the poll loop and the launchers; thread-safe.
/// <see cref="EmfMetricsWriter"/> turns them into CloudWatch Embedded Metric Format lines.
/// </summary>
internal sealed class DispatchMetrics
{
    private readonly Lock _gate = new();
    private readonly List<double> _latenciesMs = [];
    private long _received;
    private long _launched;
    private long _throttled;
    private long _failed;
    private long _ignored;
    private long _invalid;

    public void Received(int count) => Interlocked.Add(ref _received, count);

    public void Throttled() => Interlocked.Increment(ref _throttled);

    public void Failed() => Interlocked.Increment(ref _failed);

    public void Ignored() => Interlocked.Increment(ref _ignored);

    public void Invalid() => Interlocked.Increment(ref _invalid);

    /// <summary>A job started; <paramref name="latency"/> runs from the message's SendMessage to RunTask's answer.</summary>
    public void Launched(TimeSpan? latency)
    {
        Interlocked.Increment(ref _launched);
        if (latency is { } value)
        {
            lock (_gate)
            {
                _latenciesMs.Add(Math.Max(0, value.TotalMilliseconds));
            }
        }
    }

    /// <summary>Everything counted since the last call, and starts counting afresh.</summary>
    public MetricsSnapshot TakeSnapshot()
    {
        double[] latencies;
        lock (_gate)
        {
            latencies = [.. _latenciesMs];
            _latenciesMs.Clear();
        }

        return new MetricsSnapshot(
            Interlocked.Exchange(ref _received, 0),
            Interlocked.Exchange(ref _launched, 0),
            Interlocked.Exchange(ref _throttled, 0),
            Interlocked.Exchange(ref _failed, 0),
            Interlocked.Exchange(ref _ignored, 0),
            Interlocked.Exchange(ref _invalid, 0),
            latencies);
    }
}
