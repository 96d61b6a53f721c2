using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Transcoder.Client.Aws;

namespace Transcoder.Client.Uploading;

/// <summary>
/// A file above the threshold: CreateMultipartUpload with the metadata (the backend's call, with credentials), then
/// each part PUT to its own presigned URL (no credentials), a few at a time, then CompleteMultipartUpload. On any
/// failure or cancellation the upload is aborted, so no parts are left in the bucket (S3 would keep, and bill,
/// them until a lifecycle rule removes them).
/// </summary>
internal sealed class MultipartUpload(IAmazonS3 s3, Presigner presigner, PresignedPut put, UploadTuning tuning)
{
    // Long enough for S3 to answer, short enough that Ctrl-C does not seem to hang.
    private static readonly TimeSpan AbortTimeout = TimeSpan.FromSeconds(30);

    public async Task<UploadedObject> RunAsync(
        string path, long size, string bucket, string key, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var create = new InitiateMultipartUploadRequest { BucketName = bucket, Key = key };
        foreach (var (name, value) in metadata)
        {
            create.Metadata[name] = value;
        }

        var uploadId = (await s3.InitiateMultipartUploadAsync(create, cancellationToken)).UploadId;
        try
        {
            var parts = PartPlan.For(size, tuning.PartSize);
            var etags = new PartETag[parts.Count];
            var options = new ParallelOptions { MaxDegreeOfParallelism = tuning.ParallelParts, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(parts, options, async (part, token) =>
            {
                var response = await put.SendAsync(
                    () => presigner.UploadPartAsync(bucket, key, uploadId, part.Number, tuning.UrlLifetime),
                    path,
                    part,
                    new Dictionary<string, string>(),
                    $"part {part.Number} of {parts.Count}",
                    token);
                etags[part.Number - 1] = new PartETag(part.Number, response.ETag);
            });

            var complete = await s3.CompleteMultipartUploadAsync(
                new CompleteMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = uploadId, PartETags = [.. etags] },
                cancellationToken);
            return new UploadedObject(bucket, key, size, complete.ETag.Trim('"'), complete.VersionId, parts.Count);
        }
        catch (Exception failure)
        {
            await AbortAsync(bucket, key, uploadId, failure);
            throw;
        }
    }

    private async Task AbortAsync(string bucket, string key, string uploadId, Exception failure)
    {
        using var timeout = new CancellationTokenSource(AbortTimeout);
        try
        {
            await s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = uploadId }, timeout.Token);
        }
        catch (Exception abortFailure) when (abortFailure is AmazonServiceException or HttpRequestException or OperationCanceledException)
        {
            throw new UploadFailedException(
                $"{failure.Message}; aborting multipart upload {uploadId} of s3://{bucket}/{key} failed too ({abortFailure.Message}): " +
                "its parts stay until the bucket's AbortIncompleteMultipartUpload rule removes them",
                failure);
        }
    }
}
