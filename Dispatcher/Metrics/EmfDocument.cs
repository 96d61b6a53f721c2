using Transcoder.Shared.Metrics;

namespace Transcoder.Dispatcher.Metrics;

/// <summary>The dispatcher's EMF lines (<see cref="EmfLine"/>): its counters and dispatch latencies under the dimension Service.</summary>
internal static class EmfDocument
{
    public const int MaxValuesPerMetric = EmfLine.MaxValuesPerMetric;

    // Each counter with where its value comes from, in the order of MetricNames.DispatcherCounters.
    private static readonly (string Name, Func<MetricsSnapshot, long> Value)[] Counters =
    [
        (MetricNames.Received, s => s.Received),
        (MetricNames.Launched, s => s.Launched),
        (MetricNames.Throttled, s => s.Throttled),
        (MetricNames.LaunchFailed, s => s.Failed),
        (MetricNames.Ignored, s => s.Ignored),
        (MetricNames.Invalid, s => s.Invalid),
    ];

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
        var metrics = (counters is null ? [] : Counters.Select(counter => new EmfMetric(counter.Name, "Count", [counter.Value(counters)])))
            .Append(new EmfMetric(MetricNames.DispatchLatency, "Milliseconds", [.. latencies.Select(v => Math.Round(v, 1))]));
        return EmfLine.Write(metricsNamespace, MetricNames.DispatcherDimension, service, metrics, now);
    }
}
