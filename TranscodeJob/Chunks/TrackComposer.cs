using Amazon.S3;
using Amazon.S3.Model;
using Transcoder.TranscodeJob.Storage;

namespace Transcoder.TranscodeJob.Chunks;

/// <summary>
/// Makes one object of byte ranges of others in the same bucket, in S3: a multipart upload whose parts are
/// <c>UploadPartCopy</c>s of the ranges, so that a rendition stitched from its chunks never passes through the task.
/// S3 wants every part but the last to hold at least 5 MiB: a range that small (a short chunk of a small rung) is
/// downloaded and uploaded with its neighbours, or with the first bytes of the next range, until the part is large
/// enough; at most about 5 MiB per run of small ranges comes through the task.
/// </summary>
/// <param name="minimumPartBytes">S3's minimum part size (5 MiB; https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html).</param>
internal sealed class TrackComposer(IAmazonS3 s3, string bucket, long minimumPartBytes = TrackComposer.S3MinimumPartBytes)
{
    public const long S3MinimumPartBytes = 5L * 1024 * 1024;

    // S3's largest part; a chunk's track is far smaller (5 minutes of the 2160p cap is about 600 MB).
    private const long MaximumPartBytes = 5L * 1024 * 1024 * 1024;

    /// <summary>Writes <paramref name="key"/> as the concatenation of <paramref name="ranges"/>; returns its size.</summary>
    public async Task<long> ComposeAsync(string key, string contentType, IReadOnlyList<ObjectRange> ranges, CancellationToken cancellationToken)
    {
        var parts = Parts(ranges, minimumPartBytes);
        var upload = await Call(key, () => s3.InitiateMultipartUploadAsync(
            new InitiateMultipartUploadRequest { BucketName = bucket, Key = key, ContentType = contentType }, cancellationToken));
        try
        {
            var etags = new List<PartETag>(parts.Count);
            for (var i = 0; i < parts.Count; i++)
            {
                etags.Add(new PartETag(i + 1, await SendPartAsync(key, upload.UploadId, i + 1, parts[i], cancellationToken)));
            }

            await Call(key, () => s3.CompleteMultipartUploadAsync(
                new CompleteMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = upload.UploadId, PartETags = etags }, cancellationToken));
            return ranges.Sum(r => r.Length);
        }
        catch
        {
            // Not cancellable: an abandoned upload's parts cost storage until the lifecycle rule aborts it.
            await ((Task)s3.AbortMultipartUploadAsync(bucket, key, upload.UploadId, CancellationToken.None)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }
    }

    /// <summary>
    /// The parts, in order: a single range is copied; several ranges are downloaded and sent. A run of ranges smaller
    /// than the minimum is completed with the head of the next range (exactly the minimum then comes through the task),
    /// and the rest of that range is copied as usual; only the last part may be smaller.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<ObjectRange>> Parts(IReadOnlyList<ObjectRange> ranges, long minimumPartBytes)
    {
        var parts = new List<IReadOnlyList<ObjectRange>>();
        var pending = new List<ObjectRange>();
        for (var i = 0; i < ranges.Count; i++)
        {
            var range = ranges[i];
            if (range.Length > MaximumPartBytes)
            {
                throw new InvalidOperationException($"{range.Key} is {range.Length} bytes: a part holds at most {MaximumPartBytes}");
            }

            if (pending.Count > 0)
            {
                var missing = minimumPartBytes - pending.Sum(r => r.Length);
                if (range.Length < missing)
                {
                    pending.Add(range);
                    continue;
                }

                parts.Add([.. pending, range.Take(missing)]);
                pending.Clear();
                range = range.Skip(missing);
                if (range.Length == 0)
                {
                    continue;
                }
            }

            if (range.Length >= minimumPartBytes || i == ranges.Count - 1)
            {
                parts.Add([range]);
            }
            else
            {
                pending.Add(range);
            }
        }

        if (pending.Count > 0)
        {
            parts.Add([.. pending]);
        }

        return parts;
    }

    private async Task<string> SendPartAsync(string key, string uploadId, int number, IReadOnlyList<ObjectRange> part, CancellationToken cancellationToken)
    {
        if (part is [var only])
        {
            var copied = await Call(key, () => s3.CopyPartAsync(
                new CopyPartRequest
                {
                    SourceBucket = bucket, SourceKey = only.Key, FirstByte = only.First, LastByte = only.Last,
                    DestinationBucket = bucket, DestinationKey = key, UploadId = uploadId, PartNumber = number,
                },
                cancellationToken));
            return copied.ETag;
        }

        using var buffer = new MemoryStream((int)part.Sum(r => r.Length));
        foreach (var range in part)
        {
            using var response = await Call(range.Key, () => s3.GetObjectAsync(
                new GetObjectRequest { BucketName = bucket, Key = range.Key, ByteRange = new ByteRange(range.First, range.Last) }, cancellationToken));
            await response.ResponseStream.CopyToAsync(buffer, cancellationToken);
        }

        buffer.Position = 0;
        var uploaded = await Call(key, () => s3.UploadPartAsync(
            new UploadPartRequest { BucketName = bucket, Key = key, UploadId = uploadId, PartNumber = number, InputStream = buffer }, cancellationToken));
        return uploaded.ETag;
    }

    private async Task<T> Call<T>(string key, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception exception) when (S3Failures.Classify(exception, $"s3://{bucket}/{key}", missingIsBadInput: false) is { } failure)
        {
            throw failure;
        }
    }
}
