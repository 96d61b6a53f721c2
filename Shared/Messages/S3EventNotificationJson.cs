using System.Text;
using System.Text.Json;

namespace Transcoder.Shared.Messages;

/// <summary>
/// Writes the notification S3 sends for one upload, with the key encoded as S3 encodes it. The local pipeline
/// sends it in S3's place (the emulator has no bucket notifications); the tests use it too.
/// </summary>
public static class S3EventNotificationJson
{
    /// <summary>An <c>ObjectCreated:Put</c> notification for one object.</summary>
    /// <param name="bucket">Bucket of the upload.</param>
    /// <param name="key">The key as S3 stores it (not encoded).</param>
    /// <param name="size">Object size in bytes.</param>
    /// <param name="eTag">The object's ETag, without quotes.</param>
    /// <param name="region">Region named in the record.</param>
    /// <param name="eventTime">When the upload finished.</param>
    public static string ObjectCreated(string bucket, string key, long size, string eTag, string region, DateTimeOffset eventTime)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("Records");
            writer.WriteStartObject();
            writer.WriteString("eventVersion", "2.1");
            writer.WriteString("eventSource", "aws:s3");
            writer.WriteString("awsRegion", region);
            writer.WriteString("eventTime", eventTime.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("eventName", "ObjectCreated:Put");
            writer.WriteStartObject("s3");
            writer.WriteString("s3SchemaVersion", "1.0");
            writer.WriteStartObject("bucket");
            writer.WriteString("name", bucket);
            writer.WriteString("arn", $"arn:aws:s3:::{bucket}");
            writer.WriteEndObject();
            writer.WriteStartObject("object");
            writer.WriteString("key", S3KeyEncoding.Encode(key));
            writer.WriteNumber("size", size);
            writer.WriteString("eTag", eTag.Trim('"'));
            writer.WriteString("sequencer", eventTime.UtcTicks.ToString("X16", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
