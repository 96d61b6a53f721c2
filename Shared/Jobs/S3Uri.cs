namespace Transcoder.Shared.Jobs;

/// <summary>
/// Splits <c>s3://bucket/key</c> by hand: a key may hold '?', '#', '%', spaces or unicode, which
/// <see cref="Uri"/> would interpret or escape.
/// </summary>
public static class S3Uri
{
    private const string Scheme = "s3://";

    /// <summary>Whether <paramref name="value"/> starts with <c>s3://</c> (any letter case).</summary>
    public static bool IsS3(string value) => value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>Bucket and key of <c>s3://bucket/key</c>; the key may be empty. False when it is no S3 URI or has no bucket.</summary>
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

    /// <summary>The <c>s3://bucket/key</c> form.</summary>
    public static string Format(string bucket, string key) => $"{Scheme}{bucket}/{key}";
}
