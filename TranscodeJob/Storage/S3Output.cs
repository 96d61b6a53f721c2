namespace Transcoder.TranscodeJob.Storage;

/// <summary>A bucket and a key prefix: empty, or ending with '/'.</summary>
public sealed record S3Output(string Bucket, string Prefix) : OutputLocation
{
    public override string Display => S3Uri.Format(Bucket, Prefix);

    /// <summary>Normalises a user-given prefix: no leading '/', one trailing '/' unless empty.</summary>
    public static S3Output Create(string bucket, string? prefix)
    {
        var trimmed = (prefix ?? "").TrimStart('/');
        if (trimmed.Length > 0 && !trimmed.EndsWith('/'))
        {
            trimmed += "/";
        }

        return new S3Output(bucket, trimmed);
    }
}
