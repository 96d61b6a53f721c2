using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;
using Microsoft.Extensions.Logging;
using Transcoder.Shared.Captions;
using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Storage;

internal sealed class S3SourceStore(IAmazonS3 s3, S3Input input, ILogger<S3SourceStore> logger) : ISourceStore
{
    // Parts of 16 MiB, several at a time: a 2 GB upload arrives in a fraction of the single-stream time.
    private const long PartSize = 16 * 1024 * 1024;

    public InputLocation Location => input;

    public bool CopiesToWorkspace => true;

    public async Task<SourceObject> DescribeAsync(CancellationToken cancellationToken)
    {
        GetObjectMetadataResponse head;
        try
        {
            head = await s3.GetObjectMetadataAsync(input.Bucket, input.Key, cancellationToken);
        }
        catch (Exception exception) when (S3Failures.Classify(exception, input.Display) is { } failure)
        {
            throw failure;
        }

        if (head.ContentLength == 0)
        {
            throw JobException.BadInput($"{input.Display} is empty (0 bytes)");
        }

        var eTag = head.ETag?.Trim('"');
        var versionId = string.IsNullOrEmpty(head.VersionId) || head.VersionId == "null" ? null : head.VersionId;
        return new SourceObject(
            Uri: input.Display,
            Revision: SourceRevision.Of(versionId, eTag) ?? throw JobException.Transient($"{input.Display}: S3 answered without an ETag or a version id"),
            Size: head.ContentLength,
            ETag: eTag,
            VersionId: versionId,
            LastModified: head.LastModified is { } modified ? new DateTimeOffset(modified.ToUniversalTime(), TimeSpan.Zero) : null)
        {
            UploadOptions = UploadOptions.From(head.Metadata.Keys.Select(key => new KeyValuePair<string, string>(key, head.Metadata[key]))),
        };
    }

    public async Task<string> MaterializeAsync(SourceObject source, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        var path = workspace.PathFor("source" + SafeExtension(input.Key));
        logger.LogInformation("Downloading {Source} ({Bytes} bytes)", input.Display, source.Size);
        var request = new TransferUtilityDownloadRequest
        {
            BucketName = input.Bucket,
            Key = input.Key,
            FilePath = path,
            MultipartDownloadType = MultipartDownloadType.PART,
            PartSize = PartSize,
        };

        // Pin the exact object we described, so a re-upload during the download cannot mix two versions.
        if (source.VersionId is not null)
        {
            request.VersionId = source.VersionId;
        }
        else if (source.ETag is not null)
        {
            request.IfMatch = $"\"{source.ETag}\"";
        }

        try
        {
            using var transfer = new TransferUtility(s3);
            await transfer.DownloadAsync(request, cancellationToken);
        }
        catch (AmazonServiceException exception) when (exception.StatusCode == HttpStatusCode.PreconditionFailed)
        {
            throw await ReplacedDuringDownloadAsync(source, exception, cancellationToken);
        }
        catch (Exception exception) when (S3Failures.Classify(exception, input.Display) is { } failure)
        {
            throw failure;
        }

        return path;
    }

    // The If-Match above refused the object: the key was uploaded again while this job downloaded it. That later
    // upload has its own event and job, so this one is superseded (exit 0, nothing published), as it would be had the
    // upload come a moment earlier; retrying it would only download the later content under the earlier revision.
    private async Task<Exception> ReplacedDuringDownloadAsync(SourceObject source, AmazonServiceException refusal, CancellationToken cancellationToken)
    {
        var now = await DescribeAsync(cancellationToken);
        return source.Revision.IsSupersededBy(now.Revision)
            ? new SourceSupersededException(input.Display, source.Revision, now.Revision)
            : S3Failures.Classify(refusal, input.Display)!;
    }

    public async Task<IReadOnlyList<CaptionFile>> ReadCaptionFilesAsync(int limit, long maxBytes, CancellationToken cancellationToken)
    {
        var files = new List<CaptionFile>();
        try
        {
            foreach (var (key, size) in await ListCaptionKeysAsync(limit, cancellationToken))
            {
                var caption = CaptionFileName.TryParse(key)!;
                var name = key[(key.LastIndexOf('/') + 1)..];
                if (size > maxBytes)
                {
                    files.Add(new CaptionFile(name, caption, size, null));
                    continue;
                }

                using var response = await s3.GetObjectAsync(input.Bucket, key, cancellationToken);
                using var content = new MemoryStream();
                await response.ResponseStream.CopyToAsync(content, cancellationToken);
                files.Add(new CaptionFile(name, caption, size, content.ToArray()));
            }
        }
        catch (Exception exception) when (S3Failures.Classify(exception, $"the caption files beside {input.Display}", missingIsBadInput: false) is { } failure)
        {
            throw failure;
        }

        return files;
    }

    // Keys under the source's name (clip.mp4: "clip."), a page at a time, until enough captions named for it are found.
    private async Task<List<(string Key, long Size)>> ListCaptionKeysAsync(int limit, CancellationToken cancellationToken)
    {
        var keys = new List<(string Key, long Size)>();
        var request = new ListObjectsV2Request { BucketName = input.Bucket, Prefix = CaptionFileName.PrefixBeside(input.Key) };
        do
        {
            var page = await s3.ListObjectsV2Async(request, cancellationToken);
            keys.AddRange((page.S3Objects ?? [])
                .Where(o => CaptionFileName.TryParse(o.Key)?.IsBeside(input.Key) == true)
                .Select(o => (o.Key, o.Size ?? 0)));
            request.ContinuationToken = page.IsTruncated == true && keys.Count < limit ? page.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);

        return [.. keys.OrderBy(k => k.Key, StringComparer.Ordinal).Take(limit)];
    }

    /// <summary>
    /// Keeps a short alphanumeric extension (some demuxers use it as a hint) and drops anything else.
    /// </summary>
    public static string SafeExtension(string key)
    {
        var extension = Path.GetExtension(key.Replace('\\', '/').Split('/')[^1]);
        return extension.Length is > 1 and <= 6 && extension[1..].All(char.IsAsciiLetterOrDigit)
            ? extension.ToLowerInvariant()
            : "";
    }
}
