using System.Text;
using System.Text.Json;

namespace Transcoder.Shared.Messages;

/// <summary>
/// Writes the plain job message <c>{"bucket", "key", "revision"?, "renditions"?, "formats"?, "codecs"?, "passthrough"?, "chunk"?}</c>:
/// for resubmitting a video by hand, for splitting an S3 event with several records into one message per job, and for
/// the chunks of a long source (<c>"chunk": {"plan": "…", "index": 2, "count": 12}</c>).
/// </summary>
public static class JobMessage
{
    /// <summary>The JSON body of a job message for <paramref name="job"/>.</summary>
    public static string ToJson(JobRequest job)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("bucket", job.Bucket);
            writer.WriteString("key", job.Key);
            if (job.Revision is not null)
            {
                writer.WriteString("revision", job.Revision.ToString());
            }

            if (job.Renditions is not null)
            {
                writer.WriteString("renditions", job.Renditions);
            }

            if (job.Formats is not null)
            {
                writer.WriteString("formats", job.Formats);
            }

            if (job.Codecs is not null)
            {
                writer.WriteString("codecs", job.Codecs);
            }

            if (job.Passthrough is not null)
            {
                writer.WriteString("passthrough", job.Passthrough);
            }

            if (job.Chunk is { } chunk)
            {
                writer.WriteStartObject("chunk");
                writer.WriteString("plan", chunk.Plan);
                writer.WriteNumber("index", chunk.Index);
                writer.WriteNumber("count", chunk.Count);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
