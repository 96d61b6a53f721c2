using Transcoder.Shared;
using Transcoder.Shared.Jobs;

namespace Transcoder.Client.Jobs;

/// <summary>
/// Where the job puts the outputs of one upload: the prod bucket, under the output prefix, in the folder named by
/// <see cref="OutputFolder.ForObject"/> from the upload's bucket and key (the job's own rule).
/// </summary>
internal sealed record OutputFolderLocation(string Bucket, string Prefix)
{
    public static OutputFolderLocation For(S3Output outputs, string uploadBucket, string uploadKey) =>
        new(outputs.Bucket, $"{outputs.Prefix}{OutputFolder.ForObject(uploadBucket, uploadKey)}/");

    /// <summary>The key of one file of the folder.</summary>
    public string KeyOf(string fileName) => Prefix + fileName;

    public override string ToString() => $"s3://{Bucket}/{Prefix}";
}
