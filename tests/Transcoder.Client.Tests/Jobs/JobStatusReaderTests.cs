using Amazon.S3;
using Transcoder.Client.Jobs;
using Transcoder.Client.Tests.Support;
using Transcoder.Shared;
using Transcoder.Shared.Jobs;
using Transcoder.Shared.Outputs;
using Transcoder.Testing;

namespace Transcoder.Client.Tests.Jobs;

/// <summary>The output folder of an upload, read from the emulator's prod bucket: the documents as the job writes them (Shared's types).</summary>
[Category("Integration")]
public sealed class JobStatusReaderTests
{
    private const string Key = "uploads/my clip.mov";

    private static readonly DateTimeOffset Earlier = new(2026, 11, 30, 17, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Earlier.AddMinutes(5);

    private static OutputFolderLocation FolderOf(EmulatorBuckets buckets) =>
        OutputFolderLocation.For(S3Output.Create(buckets.ProdBucket, EmulatorBuckets.OutputPrefix), buckets.TempBucket, Key);

    [Test]
    public async Task For_TheJobsRule_RenditionsSlashFolderOfTheUpload()
    {
        // Arrange
        await using var buckets = await EmulatorBuckets.CreateAsync(CancellationToken.None);

        // Act
        var folder = FolderOf(buckets);

        // Assert: the folder the job publishes to (OUTPUT_PREFIX "renditions" gets its slash).
        Assert.That(folder.Prefix, Is.EqualTo($"renditions/{OutputFolder.ForObject(buckets.TempBucket, Key)}/"));
        Assert.That(folder.ToString(), Does.StartWith($"s3://{buckets.ProdBucket}/renditions/my-clip-"));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task ReadAsync_Manifest_Done(CancellationToken cancellationToken)
    {
        // Arrange
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);
        var folder = FolderOf(buckets);
        await buckets.PutTextAsync(folder.Bucket, folder.KeyOf("manifest.json"), JobDocuments.Manifest("abc123", Earlier, "order-42"), cancellationToken);

        // Act
        var status = await new JobStatusReader(buckets.S3).ReadAsync(folder, cancellationToken);

        // Assert
        var done = (JobDone)status;
        Assert.That(done.Manifest.Renditions.Select(r => (r.Name, r.File, r.Width, r.Height)), Is.EqualTo(new[] { ("720p", "720p.mp4", 1280, 720), ("360p", "360p.mp4", 640, 360) }));
        Assert.That((done.Manifest.Passthrough, done.Manifest.CompletedAt, done.Manifest.Source.DurationSeconds), Is.EqualTo(("order-42", Earlier, 4.0)));
        Assert.That(done.IsAbout(new SourceRevision(SourceRevisionKind.ETag, "abc123"), Later), Is.True);
        Assert.That(done.IsAbout(new SourceRevision(SourceRevisionKind.ETag, "other"), Later), Is.False, "an earlier upload's manifest");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task ReadAsync_Failure_Failed(CancellationToken cancellationToken)
    {
        // Arrange
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);
        var folder = FolderOf(buckets);
        await buckets.PutTextAsync(folder.Bucket, folder.KeyOf("failure.json"), JobDocuments.Failure("abc123", Earlier, "not a readable video"), cancellationToken);

        // Act
        var status = await new JobStatusReader(buckets.S3).ReadAsync(folder, cancellationToken);

        // Assert
        var failed = (JobFailed)status;
        Assert.That((failed.Failure.Error, failed.Failure.FailedAt), Is.EqualTo(("not a readable video", Earlier)));
        Assert.That(failed.IsAbout(new SourceRevision(SourceRevisionKind.ETag, "abc123"), Later), Is.True);
    }

    [Test]
    public void IsAbout_FailureWithoutRevision_ByTime()
    {
        // Arrange
        var folder = new OutputFolderLocation("prod", "p/");
        var failed = new JobFailed(folder, new FailureRecord(1, "job", "s3://t/k", null, "no such object", Later));
        var revision = new SourceRevision(SourceRevisionKind.ETag, "abc123");

        // Act / Assert
        Assert.That(failed.IsAbout(revision, Earlier), Is.True, "failed after the upload started");
        Assert.That(failed.IsAbout(revision, Later.AddSeconds(1)), Is.False, "failed before it");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task ReadAsync_Neither_Processing(CancellationToken cancellationToken)
    {
        // Arrange
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);

        // Act
        var status = await new JobStatusReader(buckets.S3).ReadAsync(FolderOf(buckets), cancellationToken);

        // Assert
        Assert.That(status, Is.InstanceOf<JobProcessing>());
    }

    [TestCase(true, typeof(JobDone))]
    [TestCase(false, typeof(JobFailed))]
    [CancelAfter(30_000)]
    public async Task ReadAsync_BothDocuments_TheLaterCounts(bool manifestIsLater, Type expected, CancellationToken cancellationToken)
    {
        // Arrange: one upload of the key failed, another succeeded (or the other way round).
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);
        var folder = FolderOf(buckets);
        await buckets.PutTextAsync(folder.Bucket, folder.KeyOf("manifest.json"), JobDocuments.Manifest("good", manifestIsLater ? Later : Earlier), cancellationToken);
        await buckets.PutTextAsync(folder.Bucket, folder.KeyOf("failure.json"), JobDocuments.Failure("bad", manifestIsLater ? Earlier : Later, "truncated"), cancellationToken);

        // Act
        var status = await new JobStatusReader(buckets.S3).ReadAsync(folder, cancellationToken);

        // Assert
        Assert.That(status, Is.InstanceOf(expected));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task ReadAsync_NoSuchProdBucket_Throws(CancellationToken cancellationToken)
    {
        // Arrange
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);
        var folder = new OutputFolderLocation("no-such-bucket-here", "renditions/x/");

        // Act
        var failure = await Assert.ThrowsAsync<AmazonS3Exception>(() => new JobStatusReader(buckets.S3).ReadAsync(folder, cancellationToken));

        // Assert: a missing bucket is a mistake to report, not "still processing".
        Assert.That(failure!.ErrorCode, Is.EqualTo("NoSuchBucket"));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task ReadAsync_NotJson_SaysWhichFile(CancellationToken cancellationToken)
    {
        // Arrange
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);
        var folder = FolderOf(buckets);
        await buckets.PutTextAsync(folder.Bucket, folder.KeyOf("manifest.json"), "<html>", cancellationToken);

        // Act
        var failure = await Assert.ThrowsAsync<InvalidDataException>(() => new JobStatusReader(buckets.S3).ReadAsync(folder, cancellationToken));

        // Assert
        Assert.That(failure!.Message, Does.StartWith($"{folder}manifest.json is not the job's JSON"));
    }
}
