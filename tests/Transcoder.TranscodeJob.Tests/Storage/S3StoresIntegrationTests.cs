using System.Security.Cryptography;
using Amazon.S3.Model;
using Amazon.S3.Transfer;
using Microsoft.Extensions.Logging.Abstractions;
using Transcoder.TranscodeJob.Errors;
using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Storage;
using Transcoder.TranscodeJob.Tests.Support;
using Transcoder.TranscodeJob.Workspace;
using Transcoder.LocalAws;

namespace Transcoder.TranscodeJob.Tests.Storage;

/// <summary>The S3 stores against the emulator, with objects big enough for multipart transfers.</summary>
[Category("Integration")]
public sealed class S3StoresIntegrationTests : IDisposable
{
    // Ten 5 MiB parts and a bit: exercises the multipart upload and the part-by-part download.
    private const int BigObjectBytes = (3 * 16 * 1024 * 1024) + 12345;

    private readonly string _bucket = $"stores-{Guid.NewGuid():N}"[..20];
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string BigFile()
    {
        var path = _temp.Combine("big.bin");
        var bytes = new byte[BigObjectBytes];
        new Random(42).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream));
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task MaterializeAsync_MultipartObject_DownloadsAnIdenticalCopyUnderAChosenName(CancellationToken cancellationToken)
    {
        // Arrange
        var emulator = await FauxqsEmulator.Shared;
        using var s3 = emulator.CreateS3Client();
        await s3.PutBucketAsync(_bucket, cancellationToken);
        var original = BigFile();
        const string key = "../../-i evil|concat:x ü.MOV";
        using (var transfer = new TransferUtility(s3))
        {
            // Default part size (5 MiB): fauxqs drops the connection on 16 MiB parts.
            await transfer.UploadAsync(new TransferUtilityUploadRequest { BucketName = _bucket, Key = key, FilePath = original }, cancellationToken);
        }

        var sut = new S3SourceStore(s3, new S3Input(_bucket, key), NullLogger<S3SourceStore>.Instance);
        using var workspace = JobWorkspace.Create(_temp.Combine("work"), "test");

        // Act
        var described = await sut.DescribeAsync(cancellationToken);
        var local = await sut.MaterializeAsync(described, workspace, cancellationToken);

        // Assert
        Assert.That(described.Size, Is.EqualTo(BigObjectBytes));
        Assert.That(described.ETag, Is.Not.Null.And.Not.Contains("\""));
        Assert.That(local, Is.EqualTo(Path.Combine(workspace.Root, "source.mov")));
        Assert.That(Sha256(local), Is.EqualTo(Sha256(original)));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task ReadCaptionFilesAsync_KeysBesideTheUpload_OnlyItsCaptionsInNameOrderTooLargeNotRead(CancellationToken cancellationToken)
    {
        // Arrange
        var emulator = await FauxqsEmulator.Shared;
        using var s3 = emulator.CreateS3Client();
        await s3.PutBucketAsync(_bucket, cancellationToken);
        foreach (var (key, text) in new[]
        {
            ("up/clip.mp4", "video"), ("up/clip.fr.srt", "fr"), ("up/clip.en.sdh.vtt", "en"), ("up/clip.mp4.es.vtt", "es"),
            ("up/clip2.de.vtt", "another video's"), ("up/clip.notes.vtt", "not by the rule"), ("other/clip.it.vtt", "another folder"),
            ("up/clip.pt.vtt", new string('x', 100)),
        })
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = key, ContentBody = text }, cancellationToken);
        }

        var sut = new S3SourceStore(s3, new S3Input(_bucket, "up/clip.mp4"), NullLogger<S3SourceStore>.Instance);

        // Act
        var files = await sut.ReadCaptionFilesAsync(limit: 16, maxBytes: 50, cancellationToken);

        // Assert
        Assert.That(files.Select(f => (f.Name, f.Caption.Language, f.Content is null ? null : System.Text.Encoding.UTF8.GetString(f.Content))), Is.EqualTo(new[]
        {
            ("clip.en.sdh.vtt", "en", (string?)"en"), ("clip.fr.srt", "fr", "fr"), ("clip.mp4.es.vtt", "es", "es"), ("clip.pt.vtt", "pt", null),
        }));
        Assert.That(files[^1].Size, Is.EqualTo(100));
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task WriteFileAsync_BigFile_UploadsWithContentTypeThenReadsAndDeletes(CancellationToken cancellationToken)
    {
        // Arrange
        var emulator = await FauxqsEmulator.Shared;
        using var s3 = emulator.CreateS3Client();
        await s3.PutBucketAsync(_bucket, cancellationToken);
        var sut = new S3OutputStore(s3, _bucket, "videos/clip-0123/");
        var note = _temp.Combine("note.json");
        await File.WriteAllTextAsync(note, "{\"ok\":true}", cancellationToken);

        // Act
        await sut.WriteFileAsync("1080p.mp4", BigFile(), "video/mp4", cancellationToken);
        await sut.WriteFileAsync("manifest.json", note, "application/json", cancellationToken);
        var text = await sut.ReadTextAsync("manifest.json", cancellationToken);
        var missing = await sut.ReadTextAsync("nothing.json", cancellationToken);
        await sut.DeleteAsync("manifest.json", cancellationToken);
        await sut.DeleteAsync("never-existed.json", cancellationToken);

        // Assert
        var head = await s3.GetObjectMetadataAsync(_bucket, "videos/clip-0123/1080p.mp4", cancellationToken);
        Assert.That(head.ContentLength, Is.EqualTo(BigObjectBytes));
        Assert.That(head.Headers.ContentType, Is.EqualTo("video/mp4"));
        Assert.That(text, Is.EqualTo("{\"ok\":true}"));
        Assert.That(missing, Is.Null);
        Assert.That(await sut.ReadTextAsync("manifest.json", cancellationToken), Is.Null);
        Assert.That(sut.Location, Is.EqualTo($"s3://{_bucket}/videos/clip-0123/"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task DescribeAsync_EmptyObject_IsBadInput(CancellationToken cancellationToken)
    {
        // Arrange
        var emulator = await FauxqsEmulator.Shared;
        using var s3 = emulator.CreateS3Client();
        await s3.PutBucketAsync(_bucket, cancellationToken);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = "empty.mp4", ContentBody = "" }, cancellationToken);
        var sut = new S3SourceStore(s3, new S3Input(_bucket, "empty.mp4"), NullLogger<S3SourceStore>.Instance);

        // Act
        var failure = await Assert.ThrowsAsync<JobException>(() => sut.DescribeAsync(cancellationToken));

        // Assert
        Assert.That(failure!.IsRetryable, Is.False);
        Assert.That(failure.Message, Is.EqualTo($"s3://{_bucket}/empty.mp4 is empty (0 bytes)"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task MaterializeAsync_KeyUploadedAgainAfterItWasDescribed_SupersededNotTransient(CancellationToken cancellationToken)
    {
        // Arrange: the job describes one upload; before its download, the key is uploaded again with other bytes.
        var emulator = await FauxqsEmulator.Shared;
        using var s3 = emulator.CreateS3Client();
        await s3.PutBucketAsync(_bucket, cancellationToken);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = "clip.mp4", ContentBody = "first upload" }, cancellationToken);
        var sut = new S3SourceStore(s3, new S3Input(_bucket, "clip.mp4"), NullLogger<S3SourceStore>.Instance);
        using var workspace = JobWorkspace.Create(_temp.Combine("work"), "test");
        var described = await sut.DescribeAsync(cancellationToken);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = "clip.mp4", ContentBody = "the later upload" }, cancellationToken);

        // Act
        var superseded = await Assert.ThrowsAsync<SourceSupersededException>(() => sut.MaterializeAsync(described, workspace, cancellationToken));

        // Assert: the later upload's own job publishes; this one stops as superseded (exit 0), never retried.
        Assert.That(superseded!.Asked, Is.EqualTo(described.Revision));
        Assert.That(superseded.Current, Is.Not.EqualTo(described.Revision));
    }
}
