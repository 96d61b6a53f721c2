using Transcoder.Shared.Metrics;

namespace Transcoder.Deploy.Tests.Monitoring;

/// <summary>What TranscodeJob writes as CloudWatch Embedded Metric Format, once per job (<see cref="MetricNames"/>).</summary>
public static class JobMetricsContract
{
    public const string Namespace = MetricNames.JobNamespace;

    /// <summary>The one dimension set: <c>[["Outcome"]]</c>.</summary>
    public const string Dimension = MetricNames.JobDimension;

    public const string Done = MetricNames.Done;
    public const string Failed = MetricNames.Failed;

    /// <summary>How a job ended.</summary>
    public static readonly IReadOnlyList<string> Outcomes = MetricNames.JobOutcomes;

    /// <summary>Each metric with its EMF unit.</summary>
    public static readonly IReadOnlyDictionary<string, string> Metrics = MetricNames.JobMetrics.ToDictionary(m => m.Name, m => m.Unit, StringComparer.Ordinal);
}
