using Transcoder.Shared;
using Transcoder.Shared.Metrics;
using Transcoder.TranscodeJob.Pipeline;

namespace Transcoder.TranscodeJob.Metrics;

/// <summary>
/// One CloudWatch Embedded Metric Format line per job, in the style of the dispatcher's
/// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html):
/// CloudWatch Logs turns it into metrics in <see cref="MetricNames.JobNamespace"/> with the dimension <c>Outcome</c>, no metrics SDK.
/// </summary>
internal static class JobMetricsLine
{

    /// <summary>The Outcome dimension's values; the stack's failure-rate alarm divides <c>failed</c> by all of them.</summary>
    public static string OutcomeOf(JobEnd end) => end switch
    {
        { Outcome.AlreadyDone: true } => MetricNames.AlreadyDone,
        { Outcome: not null } => MetricNames.Done,
        { Superseded: not null } => MetricNames.Superseded,
        { ExitCode: ExitCodes.BadInput } => MetricNames.BadInput,
        _ => MetricNames.Failed,
    };

    public static string For(JobEnd end, int attempt, DateTimeOffset now)
    {
        // A caption job's manifest is its video's: its seconds and bytes are not this job's work.
        var manifest = end.Outcome is { Attached: true } ? null : end.Outcome?.Manifest;
        var encoded = end.Outcome is { AlreadyDone: false, Attached: false } outcome ? outcome.EncodeTime.TotalSeconds : (double?)null;
        var source = manifest?.Source.DurationSeconds;
        // In the order of MetricNames.JobMetrics; a metric without a value (nothing encoded) is left out of the line.
        double?[] values =
        [
            1,
            attempt,
            source,
            manifest?.Renditions.Sum(r => r.DurationSeconds),
            encoded,
            source is > 0 && encoded is > 0 ? Math.Round(source.Value / encoded.Value, 3) : null,
            end.SourceBytes ?? manifest?.Source.Size,
            manifest?.Files.Sum(f => f.Size),
        ];
        return EmfLine.Write(
            MetricNames.JobNamespace,
            MetricNames.JobDimension,
            OutcomeOf(end),
            MetricNames.JobMetrics.Zip(values, (metric, value) => new EmfMetric(metric.Name, metric.Unit, value is { } v ? [v] : [])),
            now,
            new Dictionary<string, string> { ["JobId"] = end.JobId });
    }
}
