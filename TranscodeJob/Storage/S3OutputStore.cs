using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;
using Transcoder.Shared.Jobs;

namespace Transcoder.TranscodeJob.Storage;

/// <param name="keyPrefix">The folder's key prefix, ending with '/'.</param>
internal sealed class S3OutputStore(IAmazonS3 s3, string bucket, string keyPrefix) : IOutputStore
{
    private const long MultipartThreshold = 8 * 1024 * 1024;

    public string Location => S3Uri.Format(bucket, keyPrefix);

    public async Task<string?> ReadTextAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await s3.GetObjectAsync(bucket, keyPrefix + name, cancellationToken);
            using var reader = new StreamReader(response.ResponseStream);
            return await reader.ReadToEndAsync(cancellationToken);
        }
        catch (Exception exception) when (S3Failures.IsNotFound(exception))
        {
            return null;
        }
        catch (Exception exception) when (S3Failures.Classify(exception, Location + name, missingIsBadInput: false) is { } failure)
        {
            throw failure;
        }
    }

    public async Task WriteFileAsync(string name, string localPath, string contentType, CancellationToken cancellationToken)
    {
        // A parallel multipart upload above 8 MiB (the AWS CLI's multipart_threshold; TransferUtility's own default is
        // 16 MiB, and S3-compatible stores cap single requests lower: the fauxqs emulator at 11 MiB). S3 makes an
        // object visible only when its upload completes, so nobody reads half a rendition.
        var request = new TransferUtilityUploadRequest
        {
            BucketName = bucket,
            Key = keyPrefix + name,
            FilePath = localPath,
            ContentType = contentType,
        };

        try
        {
            using var transfer = new TransferUtility(s3, new TransferUtilityConfig { MinSizeBeforePartUpload = MultipartThreshold });
            await transfer.UploadAsync(request, cancellationToken);
        }
        catch (Exception exception) when (S3Failures.Classify(exception, Location + name, missingIsBadInput: false) is { } failure)
        {
            throw failure;
        }
    }

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        var names = new List<string>();
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = keyPrefix };
        try
        {
            do
            {
                var page = await s3.ListObjectsV2Async(request, cancellationToken);
                // SDK v4 leaves an empty list null.
                names.AddRange((page.S3Objects ?? []).Select(o => o.Key[keyPrefix.Length..]).Where(name => name.Length > 0 && !name.Contains('/')));
                request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
            }
            while (request.ContinuationToken is not null);
        }
        catch (Exception exception) when (S3Failures.Classify(exception, Location, missingIsBadInput: false) is { } failure)
        {
            throw failure;
        }

        return names;
    }

    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await s3.DeleteObjectAsync(bucket, keyPrefix + name, cancellationToken);
        }
        catch (Exception exception) when (S3Failures.IsNotFound(exception))
        {
            // Already gone.
        }
        catch (Exception exception) when (S3Failures.Classify(exception, Location + name, missingIsBadInput: false) is { } failure)
        {
            throw failure;
        }
    }
}
