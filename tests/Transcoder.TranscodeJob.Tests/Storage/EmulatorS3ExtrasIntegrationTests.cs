using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Transcoder.LocalAws;

namespace Transcoder.TranscodeJob.Tests.Storage;

/// <summary>
/// What LocalAws/fauxqs-s3.mjs adds to the emulator, held to S3's documented behaviour: conditional writes and
/// UploadPartCopy, which the long-source path relies on (one assembler, tracks stitched without passing through a task).
/// </summary>
[Category("Integration")]
public sealed class EmulatorS3ExtrasIntegrationTests
{
    private const int MiB = 1024 * 1024;
    private readonly string _bucket = $"extras-{Guid.NewGuid():N}"[..20];

    [Test]
    [CancelAfter(60_000)]
    public async Task PutObject_IfNoneMatchStar_SecondWriteRefusedWith412AndTheFirstKept(CancellationToken cancellationToken)
    {
        // Arrange
        using var s3 = await BucketAsync(cancellationToken);

        // Act
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = "claim", ContentBody = "first", IfNoneMatch = "*" }, cancellationToken);
        var refusal = await Assert.ThrowsAsync<AmazonS3Exception>(() =>
            s3.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = "claim", ContentBody = "second", IfNoneMatch = "*" }, cancellationToken));

        // Assert
        Assert.That(refusal!.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
        Assert.That(await ReadAsync(s3, "claim", cancellationToken), Is.EqualTo("first"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task PutObject_TwentyConditionalWritesAtOnce_ExactlyOneWins(CancellationToken cancellationToken)
    {
        // Arrange
        using var s3 = await BucketAsync(cancellationToken);

        // Act
        var attempts = Enumerable.Range(0, 20).Select(async i =>
        {
            try
            {
                await s3.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = "race", ContentBody = $"{i}", IfNoneMatch = "*" }, cancellationToken);
                return true;
            }
            catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.PreconditionFailed)
            {
                return false;
            }
        });
        var won = await Task.WhenAll(attempts);

        // Assert
        Assert.That(won.Count(w => w), Is.EqualTo(1));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task UploadPartCopy_RangesOfTwoObjects_AssembledWithoutTheBytesPassingThroughTheClient(CancellationToken cancellationToken)
    {
        // Arrange: a first part of 5 MiB (S3's minimum for every part but the last) and a small last one.
        using var s3 = await BucketAsync(cancellationToken);
        var first = Bytes(6 * MiB, 1);
        var second = Bytes(1000, 2);
        await PutAsync(s3, "a", first, cancellationToken);
        await PutAsync(s3, "b", second, cancellationToken);
        var upload = await s3.InitiateMultipartUploadAsync(_bucket, "joined", cancellationToken);

        // Act: everything of "a" from byte 100, then bytes 10-19 of "b".
        var part1 = await s3.CopyPartAsync(new CopyPartRequest
        {
            SourceBucket = _bucket, SourceKey = "a", DestinationBucket = _bucket, DestinationKey = "joined", UploadId = upload.UploadId,
            PartNumber = 1, FirstByte = 100, LastByte = first.Length - 1,
        }, cancellationToken);
        var part2 = await s3.CopyPartAsync(new CopyPartRequest
        {
            SourceBucket = _bucket, SourceKey = "b", DestinationBucket = _bucket, DestinationKey = "joined", UploadId = upload.UploadId,
            PartNumber = 2, FirstByte = 10, LastByte = 19,
        }, cancellationToken);
        await s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = _bucket, Key = "joined", UploadId = upload.UploadId, IfNoneMatch = "*",
            PartETags = [new PartETag(1, part1.ETag), new PartETag(2, part2.ETag)],
        }, cancellationToken);

        // Assert
        using var joined = await s3.GetObjectAsync(_bucket, "joined", cancellationToken);
        using var buffer = new MemoryStream();
        await joined.ResponseStream.CopyToAsync(buffer, cancellationToken);
        Assert.That(buffer.ToArray(), Is.EqualTo(first[100..].Concat(second[10..20]).ToArray()));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task CompleteMultipartUpload_IfNoneMatchStarOverAnExistingKey_Refused(CancellationToken cancellationToken)
    {
        // Arrange
        using var s3 = await BucketAsync(cancellationToken);
        await PutAsync(s3, "taken", Bytes(10, 3), cancellationToken);
        var upload = await s3.InitiateMultipartUploadAsync(_bucket, "taken", cancellationToken);
        var part = await s3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = _bucket, Key = "taken", UploadId = upload.UploadId, PartNumber = 1, InputStream = new MemoryStream(Bytes(10, 4)),
        }, cancellationToken);

        // Act
        var refusal = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = _bucket, Key = "taken", UploadId = upload.UploadId, IfNoneMatch = "*", PartETags = [new PartETag(1, part.ETag)],
        }, cancellationToken));

        // Assert
        Assert.That(refusal!.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
        Assert.That(await ReadAsync(s3, "taken", cancellationToken), Has.Length.EqualTo(10));
    }

    private async Task<AmazonS3Client> BucketAsync(CancellationToken cancellationToken)
    {
        var s3 = (await FauxqsEmulator.Shared).CreateS3Client();
        await s3.PutBucketAsync(_bucket, cancellationToken);
        return s3;
    }

    private Task PutAsync(AmazonS3Client s3, string key, byte[] bytes, CancellationToken cancellationToken) =>
        s3.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = key, InputStream = new MemoryStream(bytes) }, cancellationToken);

    private async Task<string> ReadAsync(AmazonS3Client s3, string key, CancellationToken cancellationToken)
    {
        using var response = await s3.GetObjectAsync(_bucket, key, cancellationToken);
        using var reader = new StreamReader(response.ResponseStream);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
