using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
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

    // Files and texts go up and come back as the output folder's do (names may hold '/': the area has folders).
    private readonly S3OutputStore _files = new(s3, bucket, prefix);

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
    public Task<string?> ReadTextAsync(string name, CancellationToken cancellationToken) => _files.ReadTextAsync(name, cancellationToken);

    public Task PutFileAsync(string name, string localPath, string contentType, CancellationToken cancellationToken) =>
        _files.WriteFileAsync(name, localPath, contentType, cancellationToken);

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
