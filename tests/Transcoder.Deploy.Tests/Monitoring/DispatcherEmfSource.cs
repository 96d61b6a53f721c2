using Transcoder.Shared.Metrics;

namespace Transcoder.Deploy.Tests.Monitoring;

/// <summary>
/// The names of the dispatcher's EMF metrics, from <see cref="MetricNames"/>, which the dispatcher writes with: the
/// dashboard must follow a renamed metric, so a rename breaks a test here instead of leaving an empty graph.
/// </summary>
public static class DispatcherEmfSource
{
    public static IReadOnlyList<string> Counters() => MetricNames.DispatcherCounters;

    /// <summary>The metrics written in milliseconds.</summary>
    public static IReadOnlyList<string> Latencies() => [MetricNames.DispatchLatency];

    public static string Dimension() => MetricNames.DispatcherDimension;

    public static string Service() => MetricNames.DispatcherService;

    /// <summary>The default namespace; the stack does not set METRICS_NAMESPACE.</summary>
    public static string DefaultNamespace() => MetricNames.DispatcherNamespace;
}
