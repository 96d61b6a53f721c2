using System.Text.Json;
using Transcoder.Shared.Jobs;

namespace Transcoder.Shared.Messages;

/// <summary>
/// The <c>Records</c> of an S3 event notification
/// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html).
/// </summary>
/// <remarks>
/// Read with <see cref="JsonDocument"/> rather than AWSSDK.S3's <c>S3EventNotification</c>: that type would make the
/// contract depend on the S3 SDK, it leaves keys encoded, and the same pass must also recognise the test event, SNS
/// envelopes and plain job messages.
/// </remarks>
internal static class S3EventRecords
{
    public static ParsedMessage Parse(JsonElement records, KeyFilter filter)
    {
        if (records.ValueKind != JsonValueKind.Array || records.GetArrayLength() == 0)
        {
            return ParsedMessage.Reject("\"Records\" is not a non-empty array");
        }

        var jobs = new List<JobRequest>();
        var skipped = new List<string>();
        var index = 0;
        foreach (var record in records.EnumerateArray())
        {
            var eventName = QueueMessageParser.GetString(record, "eventName") ?? string.Empty;
            var s3 = record.ValueKind == JsonValueKind.Object && record.TryGetProperty("s3", out var entity) ? entity : default;
            var bucket = s3.ValueKind == JsonValueKind.Object && s3.TryGetProperty("bucket", out var b) ? QueueMessageParser.GetString(b, "name") : null;
            var s3Object = s3.ValueKind == JsonValueKind.Object && s3.TryGetProperty("object", out var o) ? o : default;
            var encodedKey = QueueMessageParser.GetString(s3Object, "key");
            if (string.IsNullOrEmpty(bucket) || string.IsNullOrEmpty(encodedKey) || eventName.Length == 0)
            {
                return ParsedMessage.Reject($"record {index} lacks eventName, s3.bucket.name or s3.object.key");
            }

            var key = S3KeyEncoding.Decode(encodedKey);
            if (!IsObjectCreated(eventName))
            {
                skipped.Add($"{eventName} {key}");
            }
            else if (!filter.Accepts(key))
            {
                skipped.Add($"filtered {key}");
            }
            else
            {
                jobs.Add(new JobRequest(bucket, key, RevisionOf(s3Object), Renditions: null));
            }

            index++;
        }

        var note = skipped.Count == 0 ? string.Empty : "skipped: " + string.Join("; ", skipped);
        return jobs.Count > 0 ? ParsedMessage.ForJobs(jobs, note) : ParsedMessage.Ignore(note);
    }

    // "ObjectCreated:Put" in notifications; "s3:ObjectCreated:Put" is how the event types are configured.
    private static bool IsObjectCreated(string eventName) =>
        eventName.StartsWith("ObjectCreated:", StringComparison.Ordinal)
        || eventName.StartsWith("s3:ObjectCreated:", StringComparison.Ordinal);

    private static SourceRevision? RevisionOf(JsonElement s3Object) => SourceRevision.Of(
        QueueMessageParser.GetString(s3Object, "versionId"),
        QueueMessageParser.GetString(s3Object, "eTag"),
        QueueMessageParser.GetString(s3Object, "sequencer"));
}
