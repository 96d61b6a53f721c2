using Transcoder.Shared;

namespace Transcoder.TranscodeJob.Storage;

/// <summary>A video in S3; <paramref name="Key"/> is the object's real key (URL-decoded).</summary>
public sealed record S3Input(string Bucket, string Key) : InputLocation
{
    public override string Display => S3Uri.Format(Bucket, Key);

    public override string OutputFolderName => OutputFolder.ForObject(Bucket, Key);
}
