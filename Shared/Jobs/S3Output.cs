namespace Transcoder.Shared.Jobs;

/// <summary>A bucket and a key prefix.</summary>
/// <param name="Bucket">The bucket.</param>
/// <param name="Prefix">Empty, or ending with '/' (see <see cref="Create"/>).</param>
public sealed record S3Output(string Bucket, string Prefix) : OutputLocation
{
    /// <inheritdoc/>
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
