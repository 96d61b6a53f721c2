using System.Text;
using System.Text.Json;

namespace Transcoder.Dispatcher.Metrics;

/// <summary>
/// Writes CloudWatch Embedded Metric Format documents: a log line that CloudWatch Logs turns into metrics, with no
/// metrics SDK (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html).
/// </summary>
internal static class EmfDocument
{
    // The specification allows at most 100 values per metric in one document.
    public const int MaxValuesPerMetric = 100;

    private static readonly (string Name, Func<MetricsSnapshot, long> Value)[] Counters =
    [
        ("Received", s => s.Received),
        ("Launched", s => s.Launched),
        ("Throttled", s => s.Throttled),
        ("Failed", s => s.Failed),
        ("Ignored", s => s.Ignored),
        ("Invalid", s => s.Invalid),
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
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("_aws");
            writer.WriteNumber("Timestamp", now.ToUnixTimeMilliseconds());
            writer.WriteStartArray("CloudWatchMetrics");
            writer.WriteStartObject();
            writer.WriteString("Namespace", metricsNamespace);
            writer.WriteStartArray("Dimensions");
            writer.WriteStartArray();
            writer.WriteStringValue("Service");
            writer.WriteEndArray();
            writer.WriteEndArray();
            writer.WriteStartArray("Metrics");
            if (counters is not null)
            {
                foreach (var (name, _) in Counters)
                {
                    WriteDefinition(writer, name, "Count");
                }
            }

            if (latencies.Length > 0)
            {
                WriteDefinition(writer, "DispatchLatency", "Milliseconds");
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteString("Service", service);
            if (counters is not null)
            {
                foreach (var (name, value) in Counters)
                {
                    writer.WriteNumber(name, value(counters));
                }
            }

            if (latencies.Length > 0)
            {
                writer.WriteStartArray("DispatchLatency");
                foreach (var value in latencies)
                {
                    writer.WriteNumberValue(Math.Round(value, 1));
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteDefinition(Utf8JsonWriter writer, string name, string unit)
    {
        writer.WriteStartObject();
        writer.WriteString("Name", name);
        writer.WriteString("Unit", unit);
        writer.WriteEndObject();
    }
}
