using System.Net;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using Transcoder.Client.Tests.Support;
using Transcoder.Client.Uploading;

namespace Transcoder.Client.Tests.Uploading;

/// <summary>
/// The upload core against the emulator, every presigned request through the signature check S3 would make: one PUT,
/// parts, and the abort that leaves nothing behind when a part fails or the user presses Ctrl-C.
/// </summary>
[Category("Integration")]
public sealed class PresignedUploaderTests : IDisposable
{
    private const long MiB = UploadTuning.MiB;

    // Small parts (S3's 5 MiB minimum) and a low threshold, so that a 12 MiB file goes up in three parts, each within
    // the emulator's 11 MiB limit on one request.
    private static readonly UploadTuning SmallParts = new(MiB, 5 * MiB, 2) { RetryDelay = TimeSpan.Zero };

    private static readonly Dictionary<string, string> Metadata = new() { ["renditions"] = "720p,360p", ["formats"] = "hls,mp4", ["passthrough"] = "order 42" };

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static async Task<UploadedObject> UploadAsync(
        EmulatorBuckets buckets, HttpMessageHandler handler, UploadTuning tuning, string path, string key, CancellationToken cancellationToken, RecordingProgress? progress = null)
    {
        using var http = new HttpClient(handler, disposeHandler: false);
        var uploader = new PresignedUploader(buckets.S3, http, tuning, progress ?? new RecordingProgress(), TimeProvider.System);
        return await uploader.UploadAsync(path, buckets.TempBucket, key, Metadata, cancellationToken);
    }

    private static async Task AssertMetadataAsync(EmulatorBuckets buckets, string key, CancellationToken cancellationToken)
    {
        var head = await buckets.S3.GetObjectMetadataAsync(buckets.TempBucket, key, cancellationToken);
        Assert.That(head.Metadata.Keys.Select(k => (k, head.Metadata[k])), Is.EquivalentTo(new[]
        {
            ("x-amz-meta-renditions", "720p,360p"), ("x-amz-meta-formats", "hls,mp4"), ("x-amz-meta-passthrough", "order 42"),
        }));
    }

    // What the emulator keeps of an upload that was aborted: nothing. Its id is unknown to UploadPart, the key holds no
    // object, and the bucket can be deleted (fauxqs refuses while an upload is in progress; see the probe's own test).
    private static async Task AssertNothingLeftAsync(EmulatorBuckets buckets, string key, string uploadId, CancellationToken cancellationToken)
    {
        var probe = await Assert.ThrowsAsync<AmazonS3Exception>(() => buckets.S3.UploadPartAsync(
            new UploadPartRequest { BucketName = buckets.TempBucket, Key = key, UploadId = uploadId, PartNumber = 1, InputStream = new MemoryStream([1]) },
            cancellationToken));
        Assert.That(probe!.ErrorCode, Is.EqualTo("NoSuchUpload"));
        var listed = await buckets.S3.ListMultipartUploadsAsync(buckets.TempBucket, cancellationToken);
        Assert.That(listed.MultipartUploads ?? [], Is.Empty);
        Assert.That(await buckets.ExistsAsync(buckets.TempBucket, key, cancellationToken), Is.False);
        await buckets.S3.DeleteBucketAsync(buckets.TempBucket, cancellationToken); // throws BucketNotEmpty while an upload is open
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task UploadAsync_FileUpToTheThreshold_OneCheckedPutLandsWithTheSignedMetadata(CancellationToken cancellationToken)
    {
        // Arrange
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);
        var path = _temp.RandomFile("clip.mp4", 300_000);
        var progress = new RecordingProgress();

        // Act
        var uploaded = await UploadAsync(buckets, buckets.Checks, UploadTuning.Default, path, "uploads/my clip+ü #1.mp4", cancellationToken, progress);

        // Assert
        Assert.That(buckets.Checks.Checked, Is.EqualTo(new[] { $"PUT /{buckets.TempBucket}/uploads/my%20clip%2B%C3%BC%20%231.mp4: accepted" }));
        Assert.That(await buckets.ReadAsync(buckets.TempBucket, "uploads/my clip+ü #1.mp4", cancellationToken), Is.EqualTo(File.ReadAllBytes(path)));
        await AssertMetadataAsync(buckets, "uploads/my clip+ü #1.mp4", cancellationToken);
        Assert.That(uploaded, Is.EqualTo(new UploadedObject(buckets.TempBucket, "uploads/my clip+ü #1.mp4", 300_000, Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(path))), null, 1)));
        Assert.That((progress.Total, progress.Sent, progress.Finished), Is.EqualTo((300_000L, 300_000L, true)));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task UploadAsync_AboveTheThreshold_PartsLandByteIdenticalWithTheMetadata(CancellationToken cancellationToken)
    {
        // Arrange
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);
        var path = _temp.RandomFile("long.mp4", (12 * MiB) + 12_345);

        // Act
        var uploaded = await UploadAsync(buckets, buckets.Checks, SmallParts, path, "uploads/long.mp4", cancellationToken);

        // Assert: three parts, each through its own checked presigned URL; the object whole, with the metadata.
        Assert.That(uploaded.Parts, Is.EqualTo(3));
        Assert.That(uploaded.ETag, Does.EndWith("-3"));
        Assert.That(buckets.Checks.Checked.Count(line => line.StartsWith($"PUT /{buckets.TempBucket}/uploads/long.mp4: accepted", StringComparison.Ordinal)), Is.EqualTo(3));
        Assert.That(await buckets.ReadAsync(buckets.TempBucket, "uploads/long.mp4", cancellationToken), Is.EqualTo(File.ReadAllBytes(path)));
        await AssertMetadataAsync(buckets, "uploads/long.mp4", cancellationToken);
        var head = await buckets.S3.GetObjectMetadataAsync(buckets.TempBucket, "uploads/long.mp4", cancellationToken);
        Assert.That(head.ETag.Trim('"'), Is.EqualTo(uploaded.ETag));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task UploadAsync_APartKeepsFailing_TriedThreeTimesThenTheUploadIsAborted(CancellationToken cancellationToken)
    {
        // Arrange: part 2 always meets an S3 500.
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);
        var path = _temp.RandomFile("long.mp4", 12 * MiB);
        using var faults = new PartFaultHandler(
            (part, _) => Task.FromResult(part == 2 ? new HttpResponseMessage(HttpStatusCode.InternalServerError) : null),
            buckets.Checks);

        // Act
        var failure = await Assert.ThrowsAsync<Client.Aws.PresignedRequestException>(
            () => UploadAsync(buckets, faults, SmallParts, path, "uploads/long.mp4", cancellationToken));

        // Assert
        Assert.That(failure!.Message, Does.Contain("part 2 of 3").And.Contain("500"));
        Assert.That(faults.TriesOfPart[2], Is.EqualTo(SmallParts.Attempts));
        await AssertNothingLeftAsync(buckets, "uploads/long.mp4", faults.UploadIds.Keys.Single(), cancellationToken);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task UploadAsync_CancelledWhileAPartIsSent_TheUploadIsAborted(CancellationToken cancellationToken)
    {
        // Arrange: Ctrl-C while part 2 is on its way.
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);
        var path = _temp.RandomFile("long.mp4", 12 * MiB);
        using var ctrlC = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var faults = new PartFaultHandler(
            async (part, token) =>
            {
                if (part != 2)
                {
                    return null;
                }

                await ctrlC.CancelAsync();
                await Task.Delay(Timeout.Infinite, token);
                return null;
            },
            buckets.Checks);

        // Act
        var cancelled = await Assert.CatchAsync<OperationCanceledException>(() => UploadAsync(buckets, faults, SmallParts, path, "uploads/long.mp4", ctrlC.Token));

        // Assert
        Assert.That(cancelled, Is.Not.Null);
        await AssertNothingLeftAsync(buckets, "uploads/long.mp4", faults.UploadIds.Keys.Single(), cancellationToken);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task EmulatorProbe_UploadInProgress_BucketCannotBeDeleted(CancellationToken cancellationToken)
    {
        // Arrange: the probe the abort tests rely on can fail.
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);
        var started = await buckets.S3.InitiateMultipartUploadAsync(buckets.TempBucket, "left.mp4", cancellationToken);

        // Act
        var refused = await Assert.ThrowsAsync<AmazonS3Exception>(() => buckets.S3.DeleteBucketAsync(buckets.TempBucket, cancellationToken));
        await buckets.S3.AbortMultipartUploadAsync(buckets.TempBucket, "left.mp4", started.UploadId, cancellationToken);

        // Assert
        Assert.That(refused!.ErrorCode, Is.EqualTo("BucketNotEmpty"));
        await AssertNothingLeftAsync(buckets, "left.mp4", started.UploadId, cancellationToken);
    }
}
