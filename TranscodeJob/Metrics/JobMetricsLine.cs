using System.Text.Json;
using Transcoder.Shared;
using Transcoder.TranscodeJob.Pipeline;

namespace Transcoder.TranscodeJob.Metrics;

/// <summary>
/// One CloudWatch Embedded Metric Format line per job, in the style of the dispatcher's
/// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html):
/// CloudWatch Logs turns it into metrics in <see cref="Namespace"/> with the dimension <c>Outcome</c>, no metrics SDK.
/// </summary>
internal static class JobMetricsLine
{
    public const string Namespace = "Transcoder/Job";

    /// <summary>The Outcome dimension's values; the stack's failure-rate alarm divides <c>failed</c> by all of them.</summary>
    public static string OutcomeOf(JobEnd end) => end switch
    {
        { Outcome.AlreadyDone: true } => "already-done",
        { Outcome: not null } => "done",
        { Superseded: not null } => "superseded",
        { ExitCode: ExitCodes.BadInput } => "bad-input",
        _ => "failed",
    };

    public static string For(JobEnd end, int attempt, DateTimeOffset now)
    {
        var manifest = end.Outcome?.Manifest;
        var encoded = end.Outcome is { AlreadyDone: false } outcome ? outcome.EncodeTime.TotalSeconds : (double?)null;
        var source = manifest?.Source.DurationSeconds;
        var values = new List<(string Name, string Unit, double? Value)>
        {
            ("Jobs", "Count", 1),
            ("Attempt", "Count", attempt),
            ("SourceSeconds", "Seconds", source),
            ("OutputSeconds", "Seconds", manifest?.Renditions.Sum(r => r.DurationSeconds)),
            ("EncodeSeconds", "Seconds", encoded),
            ("RealtimeFactor", "None", source is > 0 && encoded is > 0 ? Math.Round(source.Value / encoded.Value, 3) : null),
            ("BytesIn", "Bytes", end.SourceBytes ?? manifest?.Source.Size),
            ("BytesOut", "Bytes", manifest?.Files.Sum(f => f.Size)),
        };
        values.RemoveAll(v => v.Value is null);

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("_aws");
            writer.WriteNumber("Timestamp", now.ToUnixTimeMilliseconds());
            writer.WriteStartArray("CloudWatchMetrics");
            writer.WriteStartObject();
            writer.WriteString("Namespace", Namespace);
            writer.WriteStartArray("Dimensions");
            writer.WriteStartArray();
            writer.WriteStringValue("Outcome");
            writer.WriteEndArray();
            writer.WriteEndArray();
            writer.WriteStartArray("Metrics");
            foreach (var (name, unit, _) in values)
            {
                writer.WriteStartObject();
                writer.WriteString("Name", name);
                writer.WriteString("Unit", unit);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteString("Outcome", OutcomeOf(end));
            writer.WriteString("JobId", end.JobId);
            foreach (var (name, _, value) in values)
            {
                writer.WriteNumber(name, value!.Value);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
