using Amazon.S3;
using Transcoder.Client.Aws;
using Transcoder.Client.Progress;

namespace Transcoder.Client.Uploading;

/// <summary>
/// The upload core, shared by <c>transcoder upload</c> and LocalPipeline: the file goes to the temp bucket through
/// presigned URLs, in one PUT or in parts by <see cref="UploadTuning.MultipartThreshold"/>, with the job options as
/// signed user metadata.
/// </summary>
internal sealed class PresignedUploader(IAmazonS3 s3, HttpClient http, UploadTuning tuning, IUploadProgress progress, TimeProvider time)
{
    public async Task<UploadedObject> UploadAsync(
        string path, string bucket, string key, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var size = new FileInfo(path).Length;
        var presigner = new Presigner(s3, time);
        var put = new PresignedPut(http, progress, tuning, time);
        progress.Start(size);
        var uploaded = size > tuning.MultipartThreshold
            ? await new MultipartUpload(s3, presigner, put, tuning).RunAsync(path, size, bucket, key, metadata, cancellationToken)
            : await new SinglePutUpload(presigner, put, tuning).RunAsync(path, size, bucket, key, metadata, cancellationToken);
        progress.Finish();
        return uploaded;
    }
}
