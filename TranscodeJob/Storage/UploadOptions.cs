namespace Transcoder.TranscodeJob.Storage;

/// <summary>
/// Options the uploader attached to the object as S3 user metadata (<c>x-amz-meta-renditions</c>,
/// <c>x-amz-meta-formats</c>, <c>x-amz-meta-passthrough</c>), read on the job's existing HEAD request. Unchecked text:
/// <see cref="Pipeline.RunRequest"/> checks it with the rules the dispatcher applies to a message.
/// </summary>
internal sealed record UploadOptions(string? Renditions, string? Formats, string? Passthrough)
{
    public const string RenditionsKey = "renditions";
    public const string FormatsKey = "formats";
    public const string PassthroughKey = "passthrough";

    public static UploadOptions None { get; } = new(null, null, null);

    /// <summary>From user metadata, keys with or without the <c>x-amz-meta-</c> prefix (SDKs differ), any letter case.</summary>
    public static UploadOptions From(IEnumerable<KeyValuePair<string, string>> metadata)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in metadata)
        {
            var name = key.StartsWith("x-amz-meta-", StringComparison.OrdinalIgnoreCase) ? key["x-amz-meta-".Length..] : key;
            if (!string.IsNullOrWhiteSpace(value))
            {
                values[name] = value;
            }
        }

        return new UploadOptions(values.GetValueOrDefault(RenditionsKey), values.GetValueOrDefault(FormatsKey), values.GetValueOrDefault(PassthroughKey));
    }
}
