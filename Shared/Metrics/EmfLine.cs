using System.Text.Json;

namespace Transcoder.Shared.Metrics;

/// <summary>
/// Writes one CloudWatch Embedded Metric Format line: a log line that CloudWatch Logs turns into metrics, with no metrics
/// SDK (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html).
/// Both executables write theirs with it: the dispatcher per interval, the job once as it ends.
/// </summary>
public static class EmfLine
{
    /// <summary>The specification allows at most 100 values per metric in one line.</summary>
    public const int MaxValuesPerMetric = 100;

    /// <summary>The line for <paramref name="metrics"/> under one dimension.</summary>
    /// <param name="metricsNamespace">The CloudWatch namespace, e.g. <c>Transcoder/Job</c>.</param>
    /// <param name="dimension">The one dimension's name, e.g. <c>Outcome</c>.</param>
    /// <param name="dimensionValue">Its value on this line.</param>
    /// <param name="metrics">The metrics; those without values are left out.</param>
    /// <param name="now">The line's timestamp.</param>
    /// <param name="properties">Extra fields that are not metrics (searchable in Logs Insights), e.g. a job id.</param>
    public static string Write(
        string metricsNamespace,
        string dimension,
        string dimensionValue,
        IEnumerable<EmfMetric> metrics,
        DateTimeOffset now,
        IReadOnlyDictionary<string, string>? properties = null)
    {
        var present = metrics.Where(m => m.Values.Count > 0).ToList();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteMetadata(writer, metricsNamespace, dimension, present, now);
            writer.WriteString(dimension, dimensionValue);
            foreach (var (name, value) in properties ?? new Dictionary<string, string>())
            {
                writer.WriteString(name, value);
            }

            foreach (var metric in present)
            {
                WriteValues(writer, metric);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    // The "_aws" object: which of the line's fields are metrics, their units and the dimension.
    private static void WriteMetadata(Utf8JsonWriter writer, string metricsNamespace, string dimension, IReadOnlyList<EmfMetric> present, DateTimeOffset now)
    {
        writer.WriteStartObject("_aws");
        writer.WriteNumber("Timestamp", now.ToUnixTimeMilliseconds());
        writer.WriteStartArray("CloudWatchMetrics");
        writer.WriteStartObject();
        writer.WriteString("Namespace", metricsNamespace);
        writer.WriteStartArray("Dimensions");
        writer.WriteStartArray();
        writer.WriteStringValue(dimension);
        writer.WriteEndArray();
        writer.WriteEndArray();
        writer.WriteStartArray("Metrics");
        foreach (var metric in present)
        {
            writer.WriteStartObject();
            writer.WriteString("Name", metric.Name);
            writer.WriteString("Unit", metric.Unit);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    // One value as a number, several as an array (EMF's two forms).
    private static void WriteValues(Utf8JsonWriter writer, EmfMetric metric)
    {
        if (metric.Values.Count == 1)
        {
            writer.WriteNumber(metric.Name, metric.Values[0]);
            return;
        }

        writer.WriteStartArray(metric.Name);
        foreach (var value in metric.Values)
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
    }
}
