using Transcoder.Shared.Metrics;

namespace Transcoder.Dispatcher.Metrics;

/// <summary>The dispatcher's EMF lines (<see cref="EmfLine"/>): its counters and dispatch latencies under the dimension Service.</summary>
internal static class EmfDocument
{
    public const int MaxValuesPerMetric = EmfLine.MaxValuesPerMetric;

    // In the order of MetricNames.DispatcherCounters (checked by a test).
    private static readonly Func<MetricsSnapshot, long>[] CounterValues =
        [s => s.Received, s => s.Launched, s => s.Throttled, s => s.Failed, s => s.Ignored, s => s.Invalid];

    /// <summary>One or more lines for a snapshot: the counters in the first, latencies 100 at a time.</summary>
    public static IEnumerable<string> Lines(MetricsSnapshot snapshot, string metricsNamespace, string service, DateTimeOffset now)
    {
        var chunks = snapshot.DispatchLatencyMs.Chunk(MaxValuesPerMetric).ToList();
        var count = Math.Max(1, chunks.Count);
        for (var i = 0; i < count; i++)
        {
            yield return Line(i == 0 ? snapshot : null, i < chunks.Count ? chunks[i] : [], metricsNamespace, service, now);
        }
    }

    private static string Line(MetricsSnapshot? counters, double[] latencies, string metricsNamespace, string service, DateTimeOffset now)
    {
        var metrics = (counters is null ? [] : MetricNames.DispatcherCounters.Zip(CounterValues, (name, value) => new EmfMetric(name, "Count", [value(counters)])))
            .Append(new EmfMetric(MetricNames.DispatchLatency, "Milliseconds", [.. latencies.Select(v => Math.Round(v, 1))]));
        return EmfLine.Write(metricsNamespace, MetricNames.DispatcherDimension, service, metrics, now);
    }
}
