namespace Transcoder.TranscodeJob.Storage;

/// <summary>
/// Splits <c>s3://bucket/key</c> by hand: a key may hold '?', '#', '%', spaces or unicode, which
/// <see cref="Uri"/> would interpret or escape.
/// </summary>
public static class S3Uri
{
    private const string Scheme = "s3://";

    public static bool IsS3(string value) => value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    public static bool TryParse(string value, out string bucket, out string key)
    {
        bucket = key = "";
        if (!IsS3(value))
        {
            return false;
        }

        var rest = value[Scheme.Length..];
        var slash = rest.IndexOf('/');
        bucket = slash < 0 ? rest : rest[..slash];
        key = slash < 0 ? "" : rest[(slash + 1)..];
        return bucket.Length > 0;
    }

    public static string Format(string bucket, string key) => $"{Scheme}{bucket}/{key}";
}
