using System.Text.Json;
using Transcoder.Shared.Jobs;

namespace Transcoder.Shared.Messages;

/// <summary>
/// Reads the messages the dispatcher accepts: S3 event notifications (also wrapped in an SNS notification), the
/// <c>s3:TestEvent</c> S3 sends when a notification is configured, and a plain job message
/// <c>{"bucket": "...", "key": "..."}</c> for resubmitting by hand. Never throws: anything else is
/// <see cref="QueueMessageKind.Invalid"/>.
/// </summary>
public static class QueueMessageParser
{
    private const int MaxDepth = 16;

    /// <summary>The meaning of one message body.</summary>
    /// <param name="body">The SQS message body.</param>
    /// <param name="filter">Which keys of S3 events deserve a job; plain job messages are taken as asked.</param>
    public static ParsedMessage Parse(string body, KeyFilter filter)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxDepth });
            return ParseRoot(document.RootElement, filter, allowEnvelope: true);
        }
        catch (JsonException exception)
        {
            return ParsedMessage.Reject($"not JSON: {exception.Message}");
        }
    }

    private static ParsedMessage ParseRoot(JsonElement root, KeyFilter filter, bool allowEnvelope)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return ParsedMessage.Reject($"expected a JSON object, found {root.ValueKind}");
        }

        if (root.TryGetProperty("Records", out var records))
        {
            return S3EventRecords.Parse(records, filter);
        }

        if (GetString(root, "Event") is { } eventName)
        {
            return eventName == "s3:TestEvent"
                ? ParsedMessage.Ignore("s3:TestEvent (sent when a bucket notification is configured)")
                : ParsedMessage.Reject($"unknown event '{eventName}'");
        }

        // S3 → SNS → SQS without raw message delivery wraps the event in an SNS notification.
        if (allowEnvelope && GetString(root, "Type") == "Notification" && GetString(root, "Message") is { } inner)
        {
            try
            {
                using var document = JsonDocument.Parse(inner, new JsonDocumentOptions { MaxDepth = MaxDepth });
                return ParseRoot(document.RootElement, filter, allowEnvelope: false);
            }
            catch (JsonException exception)
            {
                return ParsedMessage.Reject($"SNS notification whose message is not JSON: {exception.Message}");
            }
        }

        if (root.TryGetProperty("bucket", out _) || root.TryGetProperty("key", out _))
        {
            return ParsePlainJob(root);
        }

        return ParsedMessage.Reject("not an S3 event notification, an s3:TestEvent or a {\"bucket\", \"key\"} job message");
    }

    private static readonly (string Field, string Shape)[] OptionalTextFields =
    [
        ("revision", "a string such as \"etag:9b2cf535f27731c974343645a3985328\""),
        ("renditions", "a comma list such as \"720p,480p\""),
        ("formats", "a comma list such as \"hls,mp4\""),
        ("codecs", "a comma list such as \"h264,av1\""),
        ("passthrough", "a string"),
    ];

    private static ParsedMessage ParsePlainJob(JsonElement root)
    {
        var bucket = GetString(root, "bucket");
        var key = GetString(root, "key");
        if (string.IsNullOrEmpty(bucket) || string.IsNullOrEmpty(key))
        {
            return ParsedMessage.Reject("a job message needs non-empty string fields \"bucket\" and \"key\"");
        }

        foreach (var (field, shape) in OptionalTextFields)
        {
            if (root.TryGetProperty(field, out var value) && value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return ParsedMessage.Reject($"\"{field}\" must be {shape}");
            }
        }

        JobChunk? chunk = null;
        if (root.TryGetProperty("chunk", out var chunkElement) && chunkElement.ValueKind != JsonValueKind.Null)
        {
            chunk = ParseChunk(chunkElement);
            if (chunk is null)
            {
                return ParsedMessage.Reject("\"chunk\" must be {\"plan\": a string, \"index\": a whole number, \"count\": a whole number}");
            }
        }

        var job = new JobRequest(
            bucket,
            key,
            NullIfEmpty(GetString(root, "revision")) is { } revision ? SourceRevision.Parse(revision) : null,
            NullIfEmpty(GetString(root, "renditions")),
            NullIfEmpty(GetString(root, "formats")),
            string.IsNullOrWhiteSpace(GetString(root, "passthrough")) ? null : GetString(root, "passthrough"),
            chunk)
        {
            Codecs = NullIfEmpty(GetString(root, "codecs")),
        };
        return ParsedMessage.ForJobs([job]);
    }

    // The numbers only: whether they make sense is JobSpecParser.Check's to say, with every other problem of the job.
    private static JobChunk? ParseChunk(JsonElement chunk) =>
        chunk.ValueKind == JsonValueKind.Object
        && GetString(chunk, "plan") is { } plan
        && chunk.TryGetProperty("index", out var index) && index.ValueKind == JsonValueKind.Number && index.TryGetInt32(out var i)
        && chunk.TryGetProperty("count", out var count) && count.ValueKind == JsonValueKind.Number && count.TryGetInt32(out var c)
            ? new JobChunk(plan, i, c)
            : null;

    internal static string? GetString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
