using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;
using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Storage;

namespace Transcoder.TranscodeJob.Chunks;

/// <summary>
/// The S3 prefix where the tasks of one long source's job meet: its split plan, each part's results and markers, the
/// assembler's claim and the job's verdict, under <c>{OUTPUT_PREFIX}.chunks/{folder}/{plan}/</c> in the output bucket.
/// Beside the output folders, never inside one (no folder name starts with a dot), so that the folder only ever holds
/// what its manifest lists; the assembler removes it when the job is over, and the stack's lifecycle rule expires what a
/// job that never ended left behind.
/// </summary>
internal sealed class WorkArea(IAmazonS3 s3, string bucket, string prefix, TimeProvider time)
{
    /// <summary>The folder of every work area under the output prefix.</summary>
    public const string Root = ".chunks/";

    // Parts above this go up in several requests (the output store's threshold; the emulator takes 11 MiB at most).
    private const long MultipartThreshold = 8 * 1024 * 1024;

    public string Bucket => bucket;

    public string Prefix => prefix;

    public string Location => S3Uri.Format(bucket, prefix);

    public static WorkArea For(IAmazonS3 s3, S3Output output, string folder, string planId, TimeProvider time) =>
        new(s3, output.Bucket, $"{output.Prefix}{Root}{folder}/{planId}/", time);

    public string KeyOf(string name) => prefix + name;

    /// <summary>Writes <paramref name="name"/> unless it exists (S3's conditional write): true when this call created it.</summary>
    public async Task<bool> TryCreateAsync(string name, string text, CancellationToken cancellationToken)
    {
        // A 409 means another conditional write of the key is in flight: S3 asks to try again, which then gets 412
        // if the other one won.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await s3.PutObjectAsync(
                    new PutObjectRequest { BucketName = bucket, Key = prefix + name, ContentBody = text, ContentType = "application/json", IfNoneMatch = "*" },
                    cancellationToken);
                return true;
            }
            catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.PreconditionFailed)
            {
                return false;
            }
            catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.Conflict && attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), time, cancellationToken);
            }
            catch (Exception exception) when (S3Failures.Classify(exception, Location + name, missingIsBadInput: false) is { } failure)
            {
                throw failure;
            }
        }
    }

    public Task PutTextAsync(string name, string text, CancellationToken cancellationToken) =>
        CallAsync(name, () => s3.PutObjectAsync(
            new PutObjectRequest { BucketName = bucket, Key = prefix + name, ContentBody = text, ContentType = "application/json" }, cancellationToken));

    /// <summary>The text of <paramref name="name"/>, or null when there is none.</summary>
    public async Task<string?> ReadTextAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await s3.GetObjectAsync(bucket, prefix + name, cancellationToken);
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

    public Task PutFileAsync(string name, string localPath, string contentType, CancellationToken cancellationToken) =>
        CallAsync(name, async () =>
        {
            using var transfer = new TransferUtility(s3, new TransferUtilityConfig { MinSizeBeforePartUpload = MultipartThreshold });
            await transfer.UploadAsync(
                new TransferUtilityUploadRequest { BucketName = bucket, Key = prefix + name, FilePath = localPath, ContentType = contentType }, cancellationToken);
        });

    public Task DownloadAsync(string name, string localPath, CancellationToken cancellationToken) =>
        CallAsync(name, async () =>
        {
            using var response = await s3.GetObjectAsync(bucket, prefix + name, cancellationToken);
            await response.WriteResponseStreamToFileAsync(localPath, append: false, cancellationToken);
        });

    /// <summary>The names (below the prefix) of the objects under <paramref name="folder"/>.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(string folder, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix + folder };
        await CallAsync(folder, async () =>
        {
            do
            {
                var page = await s3.ListObjectsV2Async(request, cancellationToken);
                names.AddRange((page.S3Objects ?? []).Select(o => o.Key[prefix.Length..]));
                request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
            }
            while (request.ContinuationToken is not null);
        });
        return names;
    }

    /// <summary>Removes everything in the work area (the job is over), but <paramref name="keep"/>.</summary>
    public async Task DeleteAllAsync(CancellationToken cancellationToken, string? keep = null)
    {
        foreach (var batch in (await ListAsync("", cancellationToken)).Where(name => name != keep).Chunk(1000))
        {
            await CallAsync("", () => s3.DeleteObjectsAsync(
                new DeleteObjectsRequest { BucketName = bucket, Objects = [.. batch.Select(name => new KeyVersion { Key = prefix + name })] }, cancellationToken));
        }
    }

    private async Task CallAsync(string name, Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception exception) when (S3Failures.Classify(exception, Location + name, missingIsBadInput: false) is { } failure)
        {
            throw failure;
        }
    }
}
