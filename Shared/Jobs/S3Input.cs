namespace Transcoder.Shared.Jobs;

/// <summary>A video in S3.</summary>
/// <param name="Bucket">The bucket.</param>
/// <param name="Key">The object's real key (URL-decoded), spaces and all.</param>
public sealed record S3Input(string Bucket, string Key) : InputLocation
{
    /// <inheritdoc/>
    public override string Display => S3Uri.Format(Bucket, Key);

    /// <inheritdoc/>
    public override string OutputFolderName => OutputFolder.ForObject(Bucket, Key);

    /// <inheritdoc/>
    public override string JobIdAt(SourceRevision? revision) => JobId.ForObject(Bucket, Key, revision);
}
