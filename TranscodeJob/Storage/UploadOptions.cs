using Transcoder.Shared;

namespace Transcoder.TranscodeJob.Storage;

/// <summary>
/// Options the uploader attached to the object as S3 user metadata (the names of <see cref="UploadMetadata"/>), read on
/// the job's existing HEAD request. Unchecked text:
/// <see cref="Pipeline.RunRequest"/> checks it with the rules the dispatcher applies to a message.
/// </summary>
internal sealed record UploadOptions(string? Renditions, string? Formats, string? Passthrough)
{
    public static UploadOptions None { get; } = new(null, null, null);

    /// <summary>The video codecs (<see cref="UploadMetadata.Codecs"/>), as a comma list.</summary>
    public string? Codecs { get; init; }

    /// <summary>From user metadata, keys with or without the <c>x-amz-meta-</c> prefix (SDKs differ), any letter case.</summary>
    public static UploadOptions From(IEnumerable<KeyValuePair<string, string>> metadata)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in metadata)
        {
            var name = key.StartsWith(UploadMetadata.HeaderPrefix, StringComparison.OrdinalIgnoreCase) ? key[UploadMetadata.HeaderPrefix.Length..] : key;
            if (!string.IsNullOrWhiteSpace(value))
            {
                values[name] = value;
            }
        }

        return new UploadOptions(values.GetValueOrDefault(UploadMetadata.Renditions), values.GetValueOrDefault(UploadMetadata.Formats), values.GetValueOrDefault(UploadMetadata.Passthrough))
        {
            Codecs = values.GetValueOrDefault(UploadMetadata.Codecs),
        };
    }
}
